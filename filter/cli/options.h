/* options.h: the command line, parsed. */
#ifndef MF_CLI_OPTIONS_H
#define MF_CLI_OPTIONS_H

/* Exit statuses, documented in --help and the README. */
enum {
    MF_EXIT_OK = 0,
    MF_EXIT_CHANGED = 1, /* --check: an input would change */
    MF_EXIT_TROUBLE = 2  /* a usage, input, output or log error */
};

/* --spam-words files a run may name. */
#define MF_MAX_WORD_FILES 16
/* -j at most: each worker may hold a temporary file (atomic.h's slots). */
#define MF_MAX_JOBS 64

typedef struct mf_options {
    unsigned rules;
    int help, version, list_codecs;
    int explain;              /* --explain[=FILE] */
    const char *explain_file; /* NULL: standard error */
    const char *log_file;     /* --log FILE */
    const char *revert_log;   /* --revert LOG */
    int check, stats;
    int jsonl;                /* --jsonl */
    const char *field;        /* --field NAME; "text" by default */
    int field_given;
    int in_place;             /* -i[SUFFIX], --in-place[=SUFFIX] */
    const char *suffix;       /* "" when none */
    int recursive;            /* -r: the files under directories */
    int jobs;                 /* -j N: worker threads; 0: one per core */
    int binary_ok;            /* -a, --binary-files=text: do not skip binaries */
    const char *from;         /* --from ENC: the inputs' encoding */
    int guess;                /* --guess: each input's encoding guessed */
    const char *word_files[MF_MAX_WORD_FILES]; /* --spam-words FILE, in order */
    int nword_files;
    char **files;             /* empty means standard input */
    int nfiles;
} mf_options;

/* Parses argv; on a usage error writes the message into err and returns -1. */
int mf_options_parse(int argc, char **argv, mf_options *opt, char *err, int errlen);

void mf_options_usage(void);

#endif
