# Class and model tables: tests that the committed tables/class_tables.c and
# tables/model_tables.c are what their generators make now (same scheme as
# codec_tables_fresh in codec_tests.cmake).

# Regenerates into the build dir and compares byte for byte. It fails when
# gen_classes.c or charclass.h changed without a regen, or when this
# machine's ICU classifies differently from the one the table was made with.
add_test(NAME class_tables_fresh
  COMMAND sh -c [[
"$1" "$3" || exit 1
if ! "$4" -E compare_files "$2" "$3"; then
  diff -u "$2" "$3" | head -n 40
  echo "tables/class_tables.c is out of date: run \`cmake --build build --target regen\` and commit it" >&2
  exit 1
fi
echo "tables/class_tables.c is up to date"
]] class_tables_fresh
    $<TARGET_FILE:gen_classes>
    ${PROJECT_SOURCE_DIR}/tables/class_tables.c
    ${CMAKE_CURRENT_BINARY_DIR}/class_tables.fresh.c
    ${CMAKE_COMMAND})

# Fails when tables/corpus/train.txt, gen_model.c, plausibility.h or the
# class table changed without a regen of the model.
add_test(NAME model_tables_fresh
  COMMAND sh -c [[
"$1" "$2" "$4" || exit 1
if ! "$5" -E compare_files "$3" "$4"; then
  diff -u "$3" "$4" | head -n 40
  echo "tables/model_tables.c is out of date: run \`cmake --build build --target regen\` and commit it" >&2
  exit 1
fi
echo "tables/model_tables.c is up to date"
]] model_tables_fresh
    $<TARGET_FILE:gen_model>
    ${PROJECT_SOURCE_DIR}/tables/corpus/train.txt
    ${PROJECT_SOURCE_DIR}/tables/model_tables.c
    ${CMAKE_CURRENT_BINARY_DIR}/model_tables.fresh.c
    ${CMAKE_COMMAND})
