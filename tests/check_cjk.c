/* check_cjk: the CJK rule (filter/cjk.h) through mf_fix_buffer, with
 * examples made by Python's codecs: UTF-8 read through GBK, GB18030, CP932,
 * Shift_JIS and CP949, and GBK, CP932, CP949 and Big5 text read as cp1252
 * or Latin-1; what a lossy decoder left (U+FFFD, an ASCII byte a pair
 * took) and the edits' details; clean Chinese, Japanese, Korean and Latin
 * text that must stay byte for byte; and the tables: the fast inverse
 * against a search of the decode tables, and the decode tables against
 * iconv. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "cjk.h"
#include "cjk_codec.h"
#include "decode.h"
#include "expect_fix.h"
#include "mojifix.h"

START_TEST(test_paths)
{
    static const example e[] = {
        {"UTF-8 read as GBK",
         "浣犲ソ锛屼笘鐣岋紒",
         "你好，世界！", "utf8-as-gbk"},
        {"GB18030: user-defined codes in the PUA",
         "鐒″姽銇偆銉炽儩銉笺儓銉汇偑銉椼偡銉с兂銇с仚",
         "無効なインポート・オプションです", "utf8-as-gbk"},
        {"UTF-8 read as CP932",
         "縺薙ｓ縺ｫ縺｡縺ｯ縲∽ｸ也阜",
         "こんにちは、世界", "utf8-as-cp932"},
        {"Shift_JIS: JIS X 0208 code points",
         "髢九¢縺ｾ縺帙ｓ縺ｧ縺励◆",
         "開けませんでした", "utf8-as-cp932"},
        {"GBK read as cp1252",
         "ÄãºÃ£¬ÊÀ½ç£¡",
         "你好，世界！", "gbk-as-cp1252"},
        {"GBK read as Latin-1: the same characters, named cp1252",
         "ÄãºÃ",
         "你好", "gbk-as-cp1252"},
        {"CP949 read as cp1252, words of one pair too",
         "Á¢±Ù ±ÇÇÑÀ» ¹Ù²Ü ¼ö ¾øÀ½",
         "접근 권한을 바꿀 수 없음", "cp949-as-cp1252"},
        {"CP932 read as Latin-1 (C1 controls)",
         "\xC2\x82±\xC2\x82ñ\xC2\x82É\xC2\x82¿\xC2\x82Í",
         "こんにちは", "cp932-as-latin1"},
        {"Big5 read as cp1252 (a soft hyphen)",
         "§Ú\xC2\xADÌ¤µ¤Ñ¥h¤½¶é",
         "我們今天去公園", "big5-as-cp1252"},
        /* Regression: a run of cp1252 mojibake cut at its end by a lost
         * no-break space ("à¦" of ঠ) was taken for CP949 read as cp1252. */
        {"Bengali with a lost no-break space: the unit search's",
         "adjustment \xC3\xA0\xC2\xA6\xC2\xB8\xC3\xA0\xC2\xA7\xC2\xB0 \xC3\xA0\xC2\xA6\xC2\xAA"
         "\xC3\xA0\xC2\xA7\xC6\x92\xC3\xA0\xC2\xA6\xC2\xB7\xC3\xA0\xC2\xA7\xC2\x8D\xC3\xA0\xC2\xA6 "
         "\xC3\xA0\xC2\xA6\xC2\xBE \xC3\xA0\xC2\xA6\xC2\xAC\xC3\xA0\xC2\xA7\xC6\x92\xC3\xA0\xC2\xA6"
         "\xC2\xA6\xC3\xA0\xC2\xA7\xC2\x8D\xC3\xA0\xC2\xA6\xC2\xA7\xC3\xA0\xC2\xA6\xC2\xBF",
         "adjustment সৰ পৃষ্ঠা বৃদ্ধি", "utf8-as-cp1252"},
    };
    RUN(e, MF_RULES_DEFAULT);
}
END_TEST

/* Regressions: Cyrillic and Greek text read as cp1252 or Latin-1 reads as
 * common Han or Hanja too, pair by pair; the legacy rule's reading wins
 * unless the CJK one is clearly better for every character it takes. */
START_TEST(test_rivals)
{
    static const example e[] = {
        {"cp1251 read as cp1252, not CP949's Hanja", "Èñïîëüçîâàòü ïðîçðà÷íîñòü",
         "Использовать прозрачность", "cp1251-as-cp1252"},
        {"cp1253 read as cp1252, not CP949's Hanja", "ÌÞíõìá óå äéÜöïñåò ìïñöÝò",
         "Μήνυμα σε διάφορες μορφές", "cp1253-as-cp1252"},
        {"KOI8-R read as Latin-1, not GBK's common Han", "ðÏËÁÚÕ×ÁÔÉ ÚÏÂÒÁÖÅÎÎÑ ÍÅÎÀ",
         "Показувати зображення меню", "koi8-r-as-latin1"},
        {"GBK read as cp1252 still beats the Cyrillic reading", "ÏÔÊ¾´Ë°ïÖú²¢ÍË³ö",
         "显示此帮助并退出", "gbk-as-cp1252"},
        /* UTF-8 read as cp1252 that lost bytes: the blocks that lost none
         * are the unit search's, never read as GBK with the others. */
        {"cp1252 mojibake with lost bytes is not GBK read as cp1252",
         "ÐŸÐ¾Ð¼Ð¸Ð»ÐºÐ° Ð¿Ñ–Ð´ Ñ‡Ð°Ñ Ð¾Ð±Ñ€Ð¾Ð±ÐºÐ¸ Ð¿ÐµÑ€ÐµÑÑƒÐ²Ð°Ð½Ð½Ñ",
         "Помилка під ча\xEF\xBF\xBD обробки пере\xEF\xBF\xBDуванн\xEF\xBF\xBD", "utf8-as-cp1252"},
        {"nor Devanagari whose viramas lost their 8D byte",
         "à¤ªà¥à¤°à¤¤à¤¿ à¤¨à¤®à¥à¤¨à¤¾à¤•à¤¾ à¤Ÿà¥à¤•à¥à¤°à¤¾à¤¹à¤°à¥",
         "प\xEF\xBF\xBDरति नम\xEF\xBF\xBDनाका ट\xEF\xBF\xBDक\xEF\xBF\xBDराहर\xEF\xBF\xBD",
         "utf8-as-cp1252"},
        {"nor Thai whose lost bytes are U+FFFD",
         "à¹€à¸\xEF\xBF\xBDà¸´à¸”à¸‚à¹‰à¸\xC2\xADà¸œà¸´à¸”à¸žà¸¥à¸²à¸”à¸‚à¸“à¸°à¸\xEF\xBF\xBDà¸³à¸«à¸™à¸”",
         "เ\xEF\xBF\xBDิดข้อผิดพลาดขณะ\xEF\xBF\xBDำหนด", "utf8-as-cp1252"},
        /* Blocks of one sequence each tell nothing alone; together they do. */
        {"nor Vietnamese whose lost bytes are '?'",
         "láº¡i bá»? â€œprevious msgidâ€? ra khá»?i má»?i chuá»—i",
         "lại b\xEF\xBF\xBD “previous msgid\xEF\xBF\xBD ra kh\xEF\xBF\xBDi m\xEF\xBF\xBDi chuỗi",
         "utf8-as-cp1252"},
        {"nor is a word that lost two bytes", "--%s Ñ‚Ñ€ÐµÐ±ÑƒÐµÑ‚ÑÑ Ð°Ñ€Ð³ÑƒÐ¼ÐµÐ½Ñ‚ <ÐºÐ°Ñ‚Ð°Ð»Ð¾Ð³>",
         "--%s требует\xEF\xBF\xBD\xEF\xBF\xBD аргумент <каталог>", "utf8-as-cp1252"},
    };
    RUN(e, MF_RULES_DEFAULT);
}
END_TEST

START_TEST(test_kept)
{
    static const char *const kept[] = {
        "你好，世界！今天天气很好。",
        "こんにちは、世界。今日はいい天気です。",
        "안녕하세요, 세계. 오늘 날씨가 좋네요.",
        "我們今天去公園散步。",
        "Catalog 版本: %u",
        "« texte » et « autre »",
        "Ça a été dit\xC2\xA0: «\xC2\xA0non\xC2\xA0»",
        "abcdefghijkõäöü ABCDEFGHIJKÕÄÖÜ",
        "¿¿Qué?? ¿¿Cómo??",
        "Windows Media Station ÀÉ",
        "浣\xEF\xBF\xBD",
        "ｱｲｳｴｵ カタカナ",
        "Ελληνικά και Русский",
        "Æøå, æøå og ÆØÅ",
        "São Paulo, coração, ação",
    };
    KEEP(kept, MF_RULES_DEFAULT);
    static const char *const off[] = {"浣犲ソ锛屼笘鐣岋紒"};
    KEEP(off, MF_RULES_DEFAULT & ~(unsigned)MF_RULE_CJK);
}
END_TEST

/* Edits and their details, for the lossy cases. */
typedef struct seen {
    char text[8][64], detail[8][64];
    size_t n;
} seen;

static void on_edit_detail(void *ctx, const mf_edit *e)
{
    seen *s = ctx;
    if (s->n == 8)
        return;
    snprintf(s->text[s->n], sizeof s->text[0], "%.*s", (int)e->replacement_length, e->replacement);
    snprintf(s->detail[s->n++], sizeof s->detail[0], "%s", e->detail ? e->detail : "");
}

static char *fix_seen(const char *in, seen *s)
{
    mf_config cfg;
    mf_config_init(&cfg);
    cfg.on_edit = on_edit_detail;
    cfg.edit_ctx = s;
    memset(s, 0, sizeof *s);
    char *out;
    size_t len;
    ck_assert_int_eq(mf_fix_buffer(&cfg, in, strlen(in), &out, &len), MF_OK);
    out = realloc(out, len + 1);
    ck_assert_ptr_nonnull(out);
    out[len] = '\0';
    return out;
}

/* "“The end” of it." read as GBK: 淭 is 9C 54, the end of “ and the T it
 * took, given back; ” lost its last byte to the decoder's U+FFFD, and
 * becomes U+FFFD while the rest is read. */
START_TEST(test_lossy)
{
    seen s;
    char *out = fix_seen("\xE9\x88\xA5\xE6\xB7\xAD" "he end\xE9\x88\xA5\xEF\xBF\xBD of it.", &s);
    ck_assert_str_eq(out, "\xE2\x80\x9CThe end\xEF\xBF\xBD of it.");
    ck_assert_uint_eq(s.n, 2);
    ck_assert_str_eq(s.text[0], "\xE2\x80\x9CT");
    ck_assert_str_eq(s.detail[0], "an ASCII byte a pair took, given back");
    ck_assert_str_eq(s.text[1], "\xEF\xBF\xBD");
    ck_assert_str_eq(s.detail[1], "bytes lost to the decoder: U+FFFD");
    free(out);
    /* An exact reading says nothing more. */
    out = fix_seen("浣犲ソ锛屼笘鐣岋紒", &s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.detail[0], "");
    free(out);
    /* Nothing but a cut sequence and its U+FFFD is no proof: kept. */
    out = fix_seen("\xE6\xB5\xA3\xEF\xBF\xBD", &s);
    ck_assert_uint_eq(s.n, 0);
    free(out);
}
END_TEST

/* The cheap look finds every example the rule reads. */
START_TEST(test_suspect)
{
    const char *yes[] = {"浣犲ソ锛屼笘鐣岋紒", "\xC3\x84\xC3\xA3\xC2\xBA\xC3\x83",
                         "\xE9\x88\xA5\xE6\xB7\xAD" "he end\xE9\x88\xA5\xEF\xBF\xBD"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        ck_assert_msg(mf_cjk_suspect((const uint8_t *)yes[i], strlen(yes[i])), "%s", yes[i]);
    const char *no = "你好，世界！今天天气很好。";
    ck_assert(!mf_cjk_suspect((const uint8_t *)no, strlen(no)));
}
END_TEST

/* The fast inverse gives, for every BMP code point, what a search of the
 * decode tables does; and every code it gives decodes back to the code
 * point (aliases: to the character another decoder reads there). */
START_TEST(test_inverse)
{
    for (uint32_t cp = 1; cp < 0x10000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        const uint16_t *all = mf_cjk_encode_all(cp);
        for (size_t k = 0; k < mf_cjk_codecs_count; k++) {
            uint16_t ref = mf_cjk_encode_ref(k, cp);
            ck_assert_msg(all[k] == ref, "%s U+%04X: %04X, search %04X", mf_cjk_codecs[k].name,
                          cp, all[k], ref);
            if (!ref || cp < 0x80)
                continue;
            uint32_t back = ref > 0xFF ? mf_cjk_pair(k, (uint8_t)(ref >> 8), (uint8_t)ref)
                                       : mf_cjk_codecs[k].single[ref - 0x80];
            int alias = 0;
            for (size_t a = 0; a < mf_cjk_codecs[k].alias_count; a++)
                alias |= mf_cjk_codecs[k].aliases[a][0] == cp;
            ck_assert_msg(back == cp || alias, "%s U+%04X", mf_cjk_codecs[k].name, cp);
        }
    }
}
END_TEST

/* Every pair the tables define is what iconv says, but the documented
 * calls of tables/cjk_codecs.txt (in the Private Use Area). */
START_TEST(test_against_iconv)
{
    for (size_t k = 0; k < mf_cjk_codecs_count; k++) {
        iconv_t cd = iconv_open("UCS-4BE", mf_cjk_codecs[k].iconv_name);
        ck_assert(cd != (iconv_t)-1);
        size_t checked = 0;
        for (unsigned lead = 0x81; lead < 0xFF; lead++)
            for (unsigned t = MF_CJK_TRAIL_MIN; t < 0xFF; t++) {
                uint32_t cp = mf_cjk_pair(k, (uint8_t)lead, (uint8_t)t);
                if (!cp || (cp >= 0xE000 && cp <= 0xF8FF))
                    continue;
                char in[2] = {(char)lead, (char)t}, out[8], *ip = in, *op = out;
                size_t il = 2, ol = sizeof out;
                iconv(cd, NULL, NULL, NULL, NULL);
                ck_assert_msg(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1, "%02X%02X", lead, t);
                uint32_t got = (uint32_t)(uint8_t)out[0] << 24 | (uint32_t)(uint8_t)out[1] << 16 |
                               (uint32_t)(uint8_t)out[2] << 8 | (uint8_t)out[3];
                ck_assert_msg(got == cp, "%s %02X%02X: U+%04X, iconv U+%04X",
                              mf_cjk_codecs[k].name, lead, t, cp, got);
                checked++;
            }
        ck_assert_uint_gt(checked, 7000);
        iconv_close(cd);
    }
}
END_TEST

static Suite *cjk_suite(void)
{
    Suite *s = suite_create("cjk");
    TCase *rule = tcase_create("rule");
    tcase_add_test(rule, test_paths);
    tcase_add_test(rule, test_rivals);
    tcase_add_test(rule, test_kept);
    tcase_add_test(rule, test_lossy);
    tcase_add_test(rule, test_suspect);
    suite_add_tcase(s, rule);
    TCase *tables = tcase_create("tables");
    tcase_set_timeout(tables, 120);
    tcase_add_test(tables, test_inverse);
    tcase_add_test(tables, test_against_iconv);
    suite_add_tcase(s, tables);
    return s;
}

int main(void)
{
    return mf_run_suite(cjk_suite());
}
