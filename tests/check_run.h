/* check_run.h: runs a Check suite and turns its result into an exit status,
 * for the suites' main(). */
#ifndef MF_CHECK_RUN_H
#define MF_CHECK_RUN_H

#include <check.h>

static inline int mf_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

#endif
