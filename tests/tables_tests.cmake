# Class and model tables: the committed tables/class_tables.c and
# tables/model_tables.c are what their generators make now (mf_fresh_test).
mf_fresh_test(class_tables_fresh ${PROJECT_SOURCE_DIR}/tables/class_tables.c
              $<TARGET_FILE:gen_classes>)
mf_fresh_test(model_tables_fresh ${PROJECT_SOURCE_DIR}/tables/model_tables.c
              $<TARGET_FILE:gen_model> ${PROJECT_SOURCE_DIR}/tables/corpus/train.txt)
