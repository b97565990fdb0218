/* revertrun.h: the --revert mode of the command. */
#ifndef MF_CLI_REVERTRUN_H
#define MF_CLI_REVERTRUN_H

#include "options.h"

/* Returns the exit status (options.h). */
int revertrun(const mf_options *opt);

#endif
