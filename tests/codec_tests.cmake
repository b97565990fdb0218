# Codec tables: the Check suite, and a test that the committed
# tables/codec_tables.c is what gen_codecs makes from tables/codecs.txt now.

mf_check_test(check_codec)
target_link_libraries(check_codec PRIVATE Iconv::Iconv) # iconv as the oracle

# Regenerates into the build dir and compares byte for byte. It fails when
# codecs.txt or gen_codecs.c changed without a regen, or when this machine's
# iconv/ICU disagree with what was committed (gen_codecs says which bytes).
add_test(NAME codec_tables_fresh
  COMMAND sh -c [[
"$1" "$2" "$4" || exit 1
if ! "$5" -E compare_files "$3" "$4"; then
  diff -u "$3" "$4" | head -n 40
  echo "tables/codec_tables.c is out of date: run \`cmake --build build --target regen\` and commit it" >&2
  exit 1
fi
echo "tables/codec_tables.c is up to date"
]] codec_tables_fresh
    $<TARGET_FILE:gen_codecs>
    ${PROJECT_SOURCE_DIR}/tables/codecs.txt
    ${PROJECT_SOURCE_DIR}/tables/codec_tables.c
    ${CMAKE_CURRENT_BINARY_DIR}/codec_tables.fresh.c
    ${CMAKE_COMMAND})
