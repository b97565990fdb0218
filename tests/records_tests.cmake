# Records: the scan --jsonl uses to find a member's bytes (check_jsonfield),
# and the parallel equivalence of the default mode (tests/parallel.sh).
add_executable(check_jsonfield check_jsonfield.c)
target_link_libraries(check_jsonfield PRIVATE mojifix_cli PkgConfig::CHECK)
target_include_directories(check_jsonfield PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
add_test(NAME check_jsonfield COMMAND check_jsonfield)
set_tests_properties(check_jsonfield PROPERTIES ENVIRONMENT "CK_FORK=no")
