/* fixrun.h: the repair mode of the command, over all its inputs. */
#ifndef MF_CLI_FIXRUN_H
#define MF_CLI_FIXRUN_H

#include "options.h"

/* Returns the exit status (options.h). */
int fixrun(const mf_options *opt);

#endif
