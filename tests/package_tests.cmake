# Packaging: `cmake --install` and the README's library example built
# against the installed library (tests/install.sh); the man page against
# --help (tests/man_page.sh). The install test links the example with plain
# cc, static too, which a sanitizer build's library cannot be: Release only.
if(NOT MF_SANITIZE AND NOT MF_FUZZ)
  add_test(NAME install COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/install.sh
                                   ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
endif()
add_test(NAME man_page COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/man_page.sh
                                  $<TARGET_FILE:mojifix> ${PROJECT_SOURCE_DIR})
