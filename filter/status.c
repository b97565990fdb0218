/* status.c: names of status codes, and the version. */
#include "mojifix.h"

const char *mf_strerror(int status)
{
    switch (status) {
    case MF_OK: return "success";
    case MF_ERR_NOMEM: return "out of memory";
    case MF_ERR_ARG: return "invalid argument";
    case MF_ERR_OUTPUT: return "output failed";
    case MF_ERR_STATE: return "stream already finished";
    case MF_ERR_UNICODE: return "Unicode normalization data (ICU) unavailable";
    default: return "unknown error";
    }
}

const char *mf_version(void)
{
    return MF_VERSION;
}
