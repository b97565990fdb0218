# Class, model, lexicon and entity tables: the committed
# tables/class_tables.c, tables/model_tables.c, tables/lexicon_tables.c and
# tables/entity_tables.c are what their generators make now (mf_fresh_test).
mf_fresh_test(class_tables_fresh ${PROJECT_SOURCE_DIR}/tables/class_tables.c
              $<TARGET_FILE:gen_classes>)
mf_fresh_test(model_tables_fresh ${PROJECT_SOURCE_DIR}/tables/model_tables.c
              $<TARGET_FILE:gen_model> ${PROJECT_SOURCE_DIR}/tables/corpus/train.txt)
find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)
mf_fresh_test(lexicon_tables_fresh ${PROJECT_SOURCE_DIR}/tables/lexicon_tables.c
              ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tables/gen_lexicon.py
              ${PROJECT_SOURCE_DIR}/tables/lexicons ${PROJECT_SOURCE_DIR}/tables/corpus/train.txt)
mf_fresh_test(entity_tables_fresh ${PROJECT_SOURCE_DIR}/tables/entity_tables.c
              ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tables/gen_entities.py)
