/* options.c: command-line parsing and --help. */
#include "options.h"

#include <stdio.h>
#include <string.h>

#include "mojifix.h"

void mf_options_usage(void)
{
    fputs("Usage: mojifix [OPTION]... [FILE]...\n"
          "Repair mojibake in text: UTF-8 that was decoded through a legacy codec\n"
          "(Windows-1252, MacRoman, KOI8-R, ...) and re-encoded, once or several times.\n"
          "Reads each FILE (or standard input when there is none, or for \"-\") and\n"
          "writes the repaired text to standard output. Only what is broken changes:\n"
          "everything else, line endings and whitespace included, stays byte for byte.\n"
          "\n"
          "Rules (on by default):\n"
          "      --no-mojibake      do not undo mis-decoded UTF-8\n"
          "      --no-invalid       pass bytes that are not UTF-8 through as they are\n"
          "                         (by default each is read as Windows-1252)\n"
          "      --no-spam          keep runs of Han, kana, Hangul or Thai pushed into\n"
          "                         a word of a Latin, Cyrillic or Greek line (SEO spam\n"
          "                         such as \"sho광주출장마사지otings\"), which are removed\n"
          "                         by default\n"
          "\n"
          "Other options:\n"
          "      --list-codecs      list the codecs the repair knows, and exit\n"
          "  -h, --help             show this help, and exit\n"
          "  -V, --version          show the version, and exit\n"
          "\n"
          "Exit status: 0 on success; 2 on a usage error or when an input could not be\n"
          "read or the output could not be written (the other files are still\n"
          "processed). Messages go to standard error as \"mojifix: FILE: message\".\n",
          stdout);
}

static int parse_long(const char *a, mf_options *opt)
{
    if (!strcmp(a, "--help")) opt->help = 1;
    else if (!strcmp(a, "--version")) opt->version = 1;
    else if (!strcmp(a, "--list-codecs")) opt->list_codecs = 1;
    else if (!strcmp(a, "--no-mojibake")) opt->rules &= ~(unsigned)MF_RULE_MOJIBAKE;
    else if (!strcmp(a, "--no-invalid")) opt->rules &= ~(unsigned)MF_RULE_INVALID_UTF8;
    else if (!strcmp(a, "--no-spam")) opt->rules &= ~(unsigned)MF_RULE_SPAM;
    else return -1;
    return 0;
}

int mf_options_parse(int argc, char **argv, mf_options *opt, char *err, int errlen)
{
    memset(opt, 0, sizeof *opt);
    opt->rules = MF_RULES_DEFAULT;
    opt->files = argv + argc; /* argv[argc] is NULL */
    int only_files = 0, first_file = argc;
    /* Files are gathered to the front of argv's tail, in order. */
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (first_file == argc)
                first_file = i;
            argv[first_file + nfiles++] = argv[i];
        } else if (!strcmp(a, "--")) {
            only_files = 1;
        } else if (!strcmp(a, "-h")) {
            opt->help = 1;
        } else if (!strcmp(a, "-V")) {
            opt->version = 1;
        } else if (parse_long(a, opt) != 0) {
            snprintf(err, (size_t)errlen, "unknown option '%s'", a);
            return -1;
        }
    }
    opt->files = argv + first_file;
    opt->nfiles = nfiles;
    return 0;
}
