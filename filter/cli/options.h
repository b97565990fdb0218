/* options.h: the command line, parsed. */
#ifndef MF_CLI_OPTIONS_H
#define MF_CLI_OPTIONS_H

/* Exit statuses, documented in --help and the README. */
enum {
    MF_EXIT_OK = 0,
    MF_EXIT_CHANGED = 1, /* reserved for --check */
    MF_EXIT_TROUBLE = 2  /* a usage, input or output error */
};

typedef struct mf_options {
    unsigned rules;
    int help, version, list_codecs;
    char **files; /* NULL-terminated; empty means standard input */
    int nfiles;
} mf_options;

/* Parses argv; on a usage error writes the message into err and returns -1. */
int mf_options_parse(int argc, char **argv, mf_options *opt, char *err, int errlen);

void mf_options_usage(void);

#endif
