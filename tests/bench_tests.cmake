# Benchmarks (tests/bench/): only the fast accuracy run is a test. It breaks
# the committed sample (fixtures/accuracy/sample.txt) every way
# tests/bench/breakers.py knows and fails unless the fixer meets the
# thresholds of tests/bench/accuracy.py (single break >= 99% per codec,
# double break >= 95%, no clean line changed). The full benchmark runs by
# hand: see tests/bench/README.md.
find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)

add_test(NAME accuracy_quick
  COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/bench/accuracy.py
          --quick --assert --mojifix $<TARGET_FILE:mojifix>)
set_tests_properties(accuracy_quick PROPERTIES TIMEOUT 120)
