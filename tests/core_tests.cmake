# Core: Check suites of the library modules, and end-to-end tests of the
# built program (tests/e2e/).

mf_check_test(check_decode)
mf_check_test(check_repair)
# Mojibake whose sequences lost a byte on the way (U+FFFD, '?', dropped).
mf_check_test(check_lost)
# The broken-text rules: C1, CESU-8, entities, escape sequences.
mf_check_test(check_broken)
# The legacy rule: one single-byte codec read as another.
mf_check_test(check_legacy)
mf_check_test(check_cjk)
target_link_libraries(check_cjk PRIVATE Iconv::Iconv) # iconv as the oracle
# The cosmetic rules (off by default); NFC is checked against ICU's.
mf_check_test(check_cosmetic)
target_link_libraries(check_cosmetic PRIVATE PkgConfig::ICU)

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

# End-to-end: golden cases in fixtures/cases and checks of the command line
# (tests/e2e/README.md).
add_test(NAME e2e COMMAND sh ${PROJECT_SOURCE_DIR}/tests/e2e/run.sh $<TARGET_FILE:mojifix> ${PROJECT_SOURCE_DIR})

# README.md's two commands are the ones .ci/run runs.
add_test(NAME readme_commands COMMAND sh ${PROJECT_SOURCE_DIR}/tests/readme_commands.sh ${PROJECT_SOURCE_DIR})
mf_check_test(check_plausibility)
# The gate and the bound that keep clean text away from the search.
mf_check_test(check_gate)
mf_check_test(check_spam)
# The vector looks (filter/simd.h): scalar, SSE2 and AVX2 agree (check_simd),
# and the stream's tests run again with each path forced.
mf_check_test(check_simd)
foreach(path scalar sse2)
  add_test(NAME check_stream_simd_${path} COMMAND check_stream)
  set_tests_properties(check_stream_simd_${path} PROPERTIES ENVIRONMENT
    "CK_FORK=yes;MF_SOURCE_DIR=${PROJECT_SOURCE_DIR};CK_EXCLUDE_TAGS=small_chunks medium_chunks;MOJIFIX_SIMD=${path}")
endforeach()
