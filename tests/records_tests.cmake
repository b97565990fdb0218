# Records: the scan --jsonl uses to find a member's bytes (check_jsonfield),
# and the parallel equivalence of the default mode (tests/parallel.sh).
add_executable(check_jsonfield check_jsonfield.c)
target_link_libraries(check_jsonfield PRIVATE mojifix_cli PkgConfig::CHECK)
target_include_directories(check_jsonfield PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
add_test(NAME check_jsonfield COMMAND check_jsonfield)
set_tests_properties(check_jsonfield PROPERTIES ENVIRONMENT "CK_FORK=no")

# A corpus of 4 MB (1 MB under the sanitizers, where mojifix is ten times
# slower) through GNU parallel --pipe against the serial run.
if(MF_SANITIZE)
  set(mf_parallel_mb 1)
else()
  set(mf_parallel_mb 4)
endif()
add_test(NAME parallel COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/parallel.sh
                                  $<TARGET_FILE:mojifix> ${mf_parallel_mb})
set_tests_properties(parallel PROPERTIES TIMEOUT 300)
