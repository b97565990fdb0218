# Codec tables: the Check suite, and a test that the committed
# tables/codec_tables.c is what gen_codecs makes from tables/codecs.txt now.

mf_check_test(check_codec)
target_link_libraries(check_codec PRIVATE Iconv::Iconv) # iconv as the oracle

mf_fresh_test(cjk_tables_fresh ${PROJECT_SOURCE_DIR}/tables/cjk_tables.c
              $<TARGET_FILE:gen_cjk_codecs> ${PROJECT_SOURCE_DIR}/tables/cjk_codecs.txt)
mf_fresh_test(codec_tables_fresh ${PROJECT_SOURCE_DIR}/tables/codec_tables.c
              $<TARGET_FILE:gen_codecs> ${PROJECT_SOURCE_DIR}/tables/codecs.txt)
