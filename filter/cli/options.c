/* options.c: command-line parsing and --help. */
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mojifix.h"

void mf_options_usage(void)
{
    fputs("Usage: mojifix [OPTION]... [FILE]...\n"
          "  or:  mojifix --revert LOG [FILE]...\n"
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
          "      --no-spam          keep runs of injected promotional tokens (SEO spam\n"
          "                         such as \"sho광주출장마사지otings\"), which are removed\n"
          "                         by default\n"
          "      --no-c1            keep C1 controls (U+0080-U+009F), which are read\n"
          "                         as the Windows-1252 characters they stand for\n"
          "                         (U+0093 as \"“\") by default\n"
          "      --no-cesu          keep CESU-8 and Java's modified UTF-8 as invalid\n"
          "                         bytes (by default a surrogate pair encoded half by\n"
          "                         half becomes the character it encodes)\n"
          "      --no-cjk           keep mojibake through the double-byte codecs (UTF-8\n"
          "                         read as GBK, \"浣犲ソ\" for \"你好\"; GBK, Shift_JIS,\n"
          "                         EUC-KR or Big5 read as cp1252, \"ÄãºÃ\"), which is\n"
          "                         read back by default\n"
          "      --no-entities      keep HTML entities (\"caf&eacute;\", \"&#8217;\"),\n"
          "                         which are read by default in a line without a \"<\"\n"
          "                         where one of them is glued to a word\n"
          "      --no-ansi          keep terminal escape sequences (\"ESC[1;31m\"),\n"
          "                         which are removed by default\n"
          "      --no-legacy        keep text in one single-byte codec read as another\n"
          "                         (\"Ïðèâåò\": Windows-1251 read as Windows-1252),\n"
          "                         which is read back by default (\"Привет\")\n"
          "      --spam-words=FILE  more promotional words or phrases for the spam\n"
          "                         rule, one per line (UTF-8, # starts a comment), in\n"
          "                         addition to the built-in lists; may be repeated\n"
          "\n"
          "Cosmetic rules (off by default; they change text that is not broken, after\n"
          "the rules above, in the order listed):\n"
          "      --newlines         make each line break LF: CRLF, CR, U+2028, U+2029,\n"
          "                         and NEL when --no-c1 keeps it (by default the c1\n"
          "                         rule reads U+0085 as \"…\")\n"
          "      --strip-controls   remove control characters (C0 but tab, LF, FF and CR;\n"
          "                         DEL; C1 controls left by the c1 rule) and the BOM\n"
          "      --ligatures        spell out Latin ligatures (\"ﬁ\" as \"fi\", \"Ĳ\" as \"IJ\")\n"
          "      --straight-quotes  make curly quotes straight (\"‘’‚‛\" as ', \"“”„‟\" as \")\n"
          "      --halfwidth        make full-width forms ASCII (\"ＡＢＣ\" as \"ABC\") and\n"
          "                         half-width katakana full-width (\"ｶﾞ\" as \"ガ\")\n"
          "      --nfc              normalize to Unicode NFC (\"e\" U+0301 as \"é\")\n"
          "      --nfkc             normalize to NFKC, compatibility forms too (\"²\"\n"
          "                         as \"2\"); in place of --nfc\n"
          "      --cosmetic         all of these but --straight-quotes and --nfkc\n"
          "\n"
          "Encodings:\n"
          "      --from=ENC         read the inputs as ENC (any encoding iconv -l lists,\n"
          "                         e.g. UTF-16, SHIFT_JIS, CP1251), decode them to\n"
          "                         UTF-8, then repair; an invalid or truncated\n"
          "                         sequence ends the input (what came before it is\n"
          "                         written) with its byte offset, exit status 2.\n"
          "                         The output, -i's files and --log's offsets are\n"
          "                         UTF-8; --revert gives the UTF-8 text back\n"
          "      --guess            guess each input's encoding from its first 64 KiB:\n"
          "                         a byte order mark, the NUL bytes of UTF-16 or\n"
          "                         UTF-32, UTF-8, else ICU's charset detector; then\n"
          "                         as --from (--explain says what and how sure)\n"
          "\n"
          "Records:\n"
          "      --jsonl            read JSON Lines: repair only one top-level string\n"
          "                         member of each record, as decoded (\\u escapes\n"
          "                         included); every other byte stays. A line that is\n"
          "                         not such a record passes unchanged, with a warning\n"
          "                         (the exit status stays as it would be)\n"
          "      --field=NAME       the member --jsonl repairs (default: text)\n"
          "\n"
          "What changed, and undoing it:\n"
          "      --explain[=FILE]   tell each change on standard error (or in FILE):\n"
          "                         FILE:LINE:COLUMN: byte OFFSET: \"before\" → \"after\"\n"
          "                         RULE, with invisible and invalid bytes escaped\n"
          "      --log=FILE         write an edit log (JSON Lines) that can undo every\n"
          "                         change\n"
          "      --revert=LOG       turn text fixed with --log=LOG back into its input,\n"
          "                         byte for byte; refuse a text that is not that output\n"
          "      --check            write no text; exit 1 if an input would change\n"
          "      --stats            at the end, on standard error: edits per rule, bytes\n"
          "                         in and out, lines touched\n"
          "  -i, --in-place[=SUFFIX]  repair (or revert) each FILE where it is, through a\n"
          "                         temporary file renamed over it; with SUFFIX (-iSUFFIX)\n"
          "                         keep the original as FILE+SUFFIX\n"
          "\n"
          "Batches:\n"
          "  -r, --recursive        repair the files under each directory FILE, in byte\n"
          "                         order of their names, leaving out names starting\n"
          "                         with \".\" and not following symbolic links\n"
          "  -j, --jobs=N           repair N files at a time (default: one per core); the\n"
          "                         output is the same whatever N\n"
          "  -a, --text             repair binary files (a NUL byte in their first 64 KiB)\n"
          "                         as text; by default they are skipped with a note\n"
          "      --binary-files=TYPE  skip (the default) or text (as -a); standard input\n"
          "                         is always repaired\n"
          "A FILE named *.gz or *.zst is read decompressed, and with -i written back\n"
          "compressed.\n"
          "\n"
          "Other options:\n"
          "      --list-codecs      list the codecs the repair knows, and exit\n"
          "  -h, --help             show this help, and exit\n"
          "  -V, --version          show the version, and exit\n"
          "\n"
          "Exit status:\n"
          "  0  success (with --check: nothing would change)\n"
          "  1  with --check: some input would change\n"
          "  2  trouble: a usage error, an input that could not be read or is corrupt (the\n"
          "     other files are still processed), output or a log that could not be\n"
          "     written, or a text that does not match the log it is reverted with\n"
          "A skipped binary file is no trouble.\n"
          "Messages go to standard error as \"mojifix: FILE: message\". A closed pipe\n"
          "ends mojifix quietly.\n",
          stdout);
}

/* --name=VALUE or --name VALUE; returns the value, or NULL (err set). */
static const char *value_of(const char *a, const char *name, int argc, char **argv, int *i,
                            char *err, int errlen)
{
    size_t n = strlen(name);
    if (a[n] == '=')
        return a + n + 1;
    if (*i + 1 < argc)
        return argv[++*i];
    snprintf(err, (size_t)errlen, "option '%s' needs a value", name);
    return NULL;
}

static int has_value(const char *a, const char *name)
{
    size_t n = strlen(name);
    return !strncmp(a, name, n) && (a[n] == 0 || a[n] == '=');
}

static int parse_flag(const char *a, mf_options *opt)
{
    if (!strcmp(a, "--help")) opt->help = 1;
    else if (!strcmp(a, "--version")) opt->version = 1;
    else if (!strcmp(a, "--list-codecs")) opt->list_codecs = 1;
    else if (!strcmp(a, "--no-mojibake")) opt->rules &= ~(unsigned)MF_RULE_MOJIBAKE;
    else if (!strcmp(a, "--no-invalid")) opt->rules &= ~(unsigned)MF_RULE_INVALID_UTF8;
    else if (!strcmp(a, "--no-spam")) opt->rules &= ~(unsigned)MF_RULE_SPAM;
    else if (!strcmp(a, "--no-legacy")) opt->rules &= ~(unsigned)MF_RULE_LEGACY;
    else if (!strcmp(a, "--no-c1")) opt->rules &= ~(unsigned)MF_RULE_C1;
    else if (!strcmp(a, "--no-cesu")) opt->rules &= ~(unsigned)MF_RULE_CESU;
    else if (!strcmp(a, "--no-cjk")) opt->rules &= ~(unsigned)MF_RULE_CJK;
    else if (!strcmp(a, "--no-entities")) opt->rules &= ~(unsigned)MF_RULE_ENTITIES;
    else if (!strcmp(a, "--no-ansi")) opt->rules &= ~(unsigned)MF_RULE_ANSI;
    else if (!strcmp(a, "--newlines")) opt->rules |= MF_RULE_NEWLINES;
    else if (!strcmp(a, "--strip-controls")) opt->rules |= MF_RULE_CONTROLS;
    else if (!strcmp(a, "--ligatures")) opt->rules |= MF_RULE_LIGATURES;
    else if (!strcmp(a, "--straight-quotes")) opt->rules |= MF_RULE_QUOTES;
    else if (!strcmp(a, "--halfwidth")) opt->rules |= MF_RULE_HALFWIDTH;
    else if (!strcmp(a, "--nfc")) opt->rules |= MF_RULE_NFC;
    else if (!strcmp(a, "--nfkc")) opt->rules |= MF_RULE_NFKC;
    else if (!strcmp(a, "--cosmetic")) opt->rules |= MF_RULES_COSMETIC_SAFE;
    else if (!strcmp(a, "--guess")) opt->guess = 1;
    else if (!strcmp(a, "--check")) opt->check = 1;
    else if (!strcmp(a, "--stats")) opt->stats = 1;
    else if (!strcmp(a, "--jsonl")) opt->jsonl = 1;
    else if (!strcmp(a, "--explain")) opt->explain = 1;
    else if (!strcmp(a, "--in-place")) opt->in_place = 1;
    else if (!strncmp(a, "--explain=", 10)) opt->explain = 1, opt->explain_file = a + 10;
    else if (!strncmp(a, "--in-place=", 11)) opt->in_place = 1, opt->suffix = a + 11;
    else if (!strcmp(a, "-r") || !strcmp(a, "--recursive")) opt->recursive = 1;
    else if (!strcmp(a, "-a") || !strcmp(a, "--text")) opt->binary_ok = 1;
    else if (!strcmp(a, "--binary-files=text")) opt->binary_ok = 1;
    else if (!strcmp(a, "--binary-files=skip")) opt->binary_ok = 0;
    else if (!strcmp(a, "-h")) opt->help = 1;
    else if (!strcmp(a, "-V")) opt->version = 1;
    else if (!strncmp(a, "-i", 2)) opt->in_place = 1, opt->suffix = a + 2;
    else return -1;
    return 0;
}

/* -j N: a count of worker threads, 1 to MF_MAX_JOBS. */
static int parse_jobs(const char *v, mf_options *opt, char *err, int errlen)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v < '0' || *v > '9' || *end || n < 1 || n > MF_MAX_JOBS) {
        snprintf(err, (size_t)errlen, "--jobs takes a number from 1 to %d, not '%s'",
                 MF_MAX_JOBS, v);
        return -1;
    }
    opt->jobs = (int)n;
    return 0;
}

/* An option at argv[*i]; returns 0, or -1 with err set. */
static int parse_option(int argc, char **argv, int *i, mf_options *opt, char *err, int errlen)
{
    const char *a = argv[*i];
    if (has_value(a, "--log"))
        return (opt->log_file = value_of(a, "--log", argc, argv, i, err, errlen)) ? 0 : -1;
    if (has_value(a, "--spam-words")) {
        const char *v = value_of(a, "--spam-words", argc, argv, i, err, errlen);
        if (v && opt->nword_files == MF_MAX_WORD_FILES) {
            snprintf(err, (size_t)errlen, "at most %d --spam-words files", MF_MAX_WORD_FILES);
            v = NULL;
        }
        if (v)
            opt->word_files[opt->nword_files++] = v;
        return v ? 0 : -1;
    }
    if (has_value(a, "--jobs") || !strncmp(a, "-j", 2)) {
        const char *v = a[1] == 'j' ? (a[2] ? a + 2 : value_of(a, "-j", argc, argv, i, err, errlen))
                                    : value_of(a, "--jobs", argc, argv, i, err, errlen);
        return v ? parse_jobs(v, opt, err, errlen) : -1;
    }
    if (has_value(a, "--field")) {
        opt->field_given = 1;
        return (opt->field = value_of(a, "--field", argc, argv, i, err, errlen)) ? 0 : -1;
    }
    if (has_value(a, "--from"))
        return (opt->from = value_of(a, "--from", argc, argv, i, err, errlen)) ? 0 : -1;
    if (has_value(a, "--revert"))
        return (opt->revert_log = value_of(a, "--revert", argc, argv, i, err, errlen)) ? 0 : -1;
    if (parse_flag(a, opt) == 0)
        return 0;
    snprintf(err, (size_t)errlen, "unknown option '%s'", a);
    return -1;
}

/* What in the options makes no sense together, or NULL. */
static const char *conflict(const mf_options *opt)
{
    if (opt->check && opt->in_place)
        return "--check and --in-place cannot go together";
    if (opt->revert_log && (opt->check || opt->explain || opt->log_file || opt->stats))
        return "--revert cannot go with --check, --explain, --log or --stats";
    if (opt->revert_log && opt->recursive)
        return "--revert takes the files by name, not --recursive";
    if (opt->field_given && !opt->jsonl)
        return "--field goes with --jsonl";
    if ((opt->from || opt->guess) && opt->revert_log)
        return "--revert takes no --from or --guess (the log is of the UTF-8 text they read)";
    if (opt->from && opt->guess)
        return "--from and --guess cannot go together";
    if (opt->jsonl && opt->revert_log)
        return "--revert takes no --jsonl (a log made with --jsonl is reverted without it)";
    if (opt->in_place && opt->nfiles == 0)
        return "--in-place needs a FILE";
    if (opt->revert_log && !opt->in_place && opt->nfiles > 1)
        return "--revert takes one FILE, or several with --in-place";
    for (int i = 0; opt->in_place && i < opt->nfiles; i++)
        if (!strcmp(opt->files[i], "-"))
            return "--in-place cannot write standard input back";
    return NULL;
}

int mf_options_parse(int argc, char **argv, mf_options *opt, char *err, int errlen)
{
    memset(opt, 0, sizeof *opt);
    opt->rules = MF_RULES_DEFAULT;
    opt->suffix = "";
    opt->field = "text";
    int only_files = 0, nfiles = 0;
    /* Files are gathered, in order, to the front of argv + 1: the slot
     * written is never past the argument being read. */
    char **list = argv + 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || !strcmp(a, "-"))
            list[nfiles++] = argv[i];
        else if (!strcmp(a, "--"))
            only_files = 1;
        else if (parse_option(argc, argv, &i, opt, err, errlen) != 0)
            return -1;
    }
    opt->files = list;
    opt->nfiles = nfiles;
    const char *bad = conflict(opt);
    if (bad)
        snprintf(err, (size_t)errlen, "%s", bad);
    return bad ? -1 : 0;
}
