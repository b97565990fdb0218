# Property tests of the lossless promise (tests/property.c): every fixture
# and generated adversarial inputs; and the 100 MB line through the command
# (tests/property_big.sh).
# Under the sanitizers, fewer rule sets per input (property.c, light()).
if(MF_SANITIZE)
  set(mf_property_light 1)
else()
  set(mf_property_light 0)
endif()
add_executable(property property.c property_roundtrip.c)
target_link_libraries(property PRIVATE mojifix_cli PkgConfig::CHECK)
target_include_directories(property PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
# CK_FORK=no: a fork per input cost more than the checks (0.2 s each under
# ASan, with the inputs in memory).
foreach(part roundtrip idempotent)
  add_test(NAME property_${part} COMMAND property)
  set_tests_properties(property_${part} PROPERTIES ENVIRONMENT
    "CK_FORK=no;CK_RUN_CASE=${part};MF_SOURCE_DIR=${PROJECT_SOURCE_DIR};MF_PROPERTY_LIGHT=${mf_property_light}")
endforeach()

# Composing two rounds of edits, which makes the repair settle.
mf_check_test(check_compose)

# One 100 MB line through the command: Release builds only (under the
# sanitizers it would take minutes, and it checks no memory error the
# smaller inputs above do not).
if(NOT MF_SANITIZE AND NOT MF_FUZZ)
  add_test(NAME property_big COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/property_big.sh $<TARGET_FILE:mojifix>)
endif()
