# Core: Check suites of the library modules, and end-to-end tests of the
# built program (tests/e2e/).

mf_check_test(check_decode)
mf_check_test(check_repair)

# check_stream runs as three tests that ctest -j2 overlaps: its cases tagged
# small_chunks (writes of 1..16 bytes, the slowest), medium_chunks (17..64),
# and everything else.
mf_check_test(check_stream)
set_tests_properties(check_stream PROPERTIES ENVIRONMENT
  "CK_FORK=yes;MF_SOURCE_DIR=${PROJECT_SOURCE_DIR};CK_EXCLUDE_TAGS=small_chunks medium_chunks")
foreach(part small medium)
  add_test(NAME check_stream_${part}_chunks COMMAND check_stream)
  set_tests_properties(check_stream_${part}_chunks PROPERTIES ENVIRONMENT
    "CK_FORK=yes;MF_SOURCE_DIR=${PROJECT_SOURCE_DIR};CK_INCLUDE_TAGS=${part}_chunks")
endforeach()
