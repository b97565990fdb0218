/* main.c: the mojifix command: options, then the repair or the revert mode.
 * The command line (filter/cli/) is the only code that touches files or
 * prints. */
#include <stdio.h>

#include "atomic.h"
#include "fixrun.h"
#include "mojifix.h"
#include "options.h"
#include "revertrun.h"

static void list_codecs(void)
{
    for (size_t i = 0; i < mf_codec_count(); i++)
        puts(mf_codec_name(i));
}

int main(int argc, char **argv)
{
    mf_options opt;
    char err[256];
    if (mf_options_parse(argc, argv, &opt, err, sizeof err) != 0) {
        fprintf(stderr, "mojifix: %s\nTry 'mojifix --help' for more information.\n", err);
        return MF_EXIT_TROUBLE;
    }
    if (opt.help || opt.version || opt.list_codecs) {
        if (opt.help)
            mf_options_usage();
        else if (opt.version)
            printf("mojifix %s\n", mf_version());
        else
            list_codecs();
        return fflush(stdout) == 0 && !ferror(stdout) ? MF_EXIT_OK : MF_EXIT_TROUBLE;
    }
    atomic_signals();
    return opt.revert_log ? revertrun(&opt) : fixrun(&opt);
}
