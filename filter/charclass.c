/* charclass.c: class names; the class table itself is generated. */
#include "charclass.h"

static const char *const mf_class_names[MF_CL_COUNT] = {
    "boundary", "space", "nbsp", "digit", "upper", "lower", "punct", "bracket",
    "symbol", "control", "l1-upper", "l1-lower", "l1-punct", "l1-symbol",
    "lx-upper", "lx-lower", "modifier", "combining", "greek-upper", "greek-lower",
    "cyr-upper", "cyr-lower", "hebrew", "arabic", "other-alpha", "indic", "sea",
    "hangul", "kana", "han", "cjk-punct", "gen-punct", "format", "currency",
    "letterlike", "math", "box", "symbol-other", "emoji", "private", "rare",
};

const char *mf_class_name(mf_class c)
{
    return (unsigned)c < MF_CL_COUNT ? mf_class_names[c] : "?";
}
