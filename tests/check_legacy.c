/* check_legacy: the legacy rule (filter/legacy.h) through mf_fix_buffer:
 * text in one single-byte codec read as another, made with Python's codecs
 * (tests/bench/breakers.py break_legacy), with the exact output and rule;
 * clean text in the languages whose letters such readings give, which must
 * stay byte for byte (lines that once changed among them); the rule
 * switched off; and the pair table against the codec table. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "codec.h"
#include "decode.h"
#include "expect_fix.h"
#include "legacy.h"
#include "mojifix.h"
#include "plausibility.h"

START_TEST(test_legacy)
{
    static const example e[] = {
        {"ru", "Ïðèâåò, ìèð! Íè÷åãî íå íàéäåíî.", "Привет, мир! Ничего не найдено.", "cp1251-as-cp1252"},
        {"uk", "Íå âäàëîñÿ â³äêðèòè ôàéë «%s»", "Не вдалося відкрити файл «%s»", "cp1251-as-cp1252"},
        {"sr, with ћ read as ž and њ as œ", "Ãðåøêà ïðè ÷èòàœó äàòîòåêå", "Грешка при читању датотеке", "cp1251-as-cp1252"},
        {"ru", "îÅ×ÏÚÍÏÖÎÏ ÏÔËÒÙÔØ ÆÁÊÌ", "Невозможно открыть файл", "koi8-r-as-latin1"},
        {"uk, і read as ¦", "îÅ ×ÄÁÌÏÓÑ ÚÂÅÒÅÇÔÉ ÚÍ¦ÎÉ", "Не вдалося зберегти зміни", "koi8-u-as-latin1"},
        {"el", "ÊáëçìÝñá êüóìå, ôé êÜíåéò;", "Καλημέρα κόσμε, τι κάνεις;", "cp1253-as-cp1252"},
        {"pl, symbols inside words", "Za¿ó³æ gêœl¹ jaŸñ", "Zażółć gęślą jaźń", "cp1250-as-cp1252"},
        {"cs, a letter here and there", "Nelze otevøít soubor: pøíliš mnoho otevøených souborù", "Nelze otevřít soubor: příliš mnoho otevřených souborů", "cp1250-as-cp1252"},
        {"tr", "Dosya açýlamadý, lütfen deðiþtirin ve tekrar deneyin", "Dosya açılamadı, lütfen değiştirin ve tekrar deneyin", "cp1254-as-cp1252"},
        {"lt", "Nepavyko áraðyti failo á diskà", "Nepavyko įrašyti failo į diską", "cp1257-as-cp1252"},
        /* Cyrillic read as Cyrillic: letters no Bulgarian writes side by side;
         * short words that read well either way go with their line. */
        {"bg, KOI8-R read as cp1251", "\"$program\" ОЕ Е ЙЪРЯМОЙН ЖБКМ", "\"$program\" не е изпълним файл", "koi8-r-as-cp1251"},
        {"uk, KOI8-U read as cp1251, є read as ¤", "%s ¤ ЪБКЧЙН, СЛЭП ЧЙЛПТЙУФБОП %s!", "%s є зайвим, якщо використано %s!", "koi8-u-as-cp1251"},
        {"uk, KOI8-U read as Latin-1, є read as ¤", "%s ¤ ÚÁÊ×ÉÍ, ÑËÝÏ ×ÉËÏÒÉÓÔÁÎÏ %s!", "%s є зайвим, якщо використано %s!", "koi8-u-as-latin1"},
        {"bg, KOI8-R read as Latin-1", "%F%P: ÎÅ ÓÅ ÐÏÄÄßÒÖÁ -pie", "%F%P: не се поддържа -pie", "koi8-r-as-latin1"},
        /* Latin read as Latin: letter pairs no language writes. */
        {"cs, one letter", "%s: ukonèen signálem %d", "%s: ukončen signálem %d", "cp1250-as-cp1252"},
        {"sk, ť left as a C1 control", "%s: nepodarilo sa nájs\xC2\x9D sekciu %s", "%s: nepodarilo sa nájsť sekciu %s", "cp1250-as-cp1252"},
        {"pl, œ no language writes", "Plik przenoœnych danych SPSS", "Plik przenośnych danych SPSS", "cp1250-as-cp1252"},
        {"et", "Suuruse muutmise reþiim", "Suuruse muutmise režiim", "cp1257-as-cp1252"},
        {"tr", "%s -- `%s' deyimi yoksayýldý", "%s -- `%s' deyimi yoksayıldı", "cp1254-as-cp1252"},
        /* Mojibake whose lost bytes left U+FFFD inside a word: the word goes
         * on across it, as one list of letters, and no KOI8 reading wins. */
        {"is, mojibake with lost bytes", "abcdefghijk Ã¡Ã©Ã½ÃºÃ­Ã³Ã¾Ã¦Ã°Ã¶ ABCDEFGHIJK Ã?Ã‰Ã?ÃšÃ?Ã“ÃžÃ†Ã?Ã–",
         "abcdefghijk áéýúíóþæðö ABCDEFGHIJK \xEF\xBF\xBDÉ\xEF\xBF\xBDÚ\xEF\xBF\xBDÓÞÆ\xEF\xBF\xBDÖ", "utf8-as-cp1252"},
        /* A broken word in a clean line, and a clean word in a broken one. */
        {"mixed with clean Cyrillic", "Файл ôàéë не найден", "Файл файл не найден",
         "cp1251-as-cp1252"},
        {"an ASCII name kept in a broken line", "Ïðèâåò, ìèð! Íè÷åãî íå íàéäåíî: README.txt",
         "Привет, мир! Ничего не найдено: README.txt", "cp1251-as-cp1252"},
    };
    RUN(e, MF_RULES_DEFAULT);
}
END_TEST

START_TEST(test_legacy_kept)
{
    static const char *const kept[] = {
        "Un café crème à Paris, s’il vous plaît.",
        "Größere Änderungen übernehmen",
        "Þú átt það skilið, ég veit það.",
        "Alþýðulýðveldið Bangladess",           /* not Turkish read as cp1252 */
        "Sambandsalþýðulýðveldið Nepal",
        "abcdefghijk áéýúíóþæðö ABCDEFGHIJK ÁÉÝÚÍÓÞÆÐÖ",
        "Tiếng Việt có dấu: không thể mở tệp",
        "Zażółć gęślą jaźń",
        "Dosya açılamadı, lütfen değiştirin",
        "Příliš žluťoučký kůň úpěl ďábelské ódy",
        "OBSOLÈTE : cette clé est obsolète et ignorée.",
        "%.*s\xC2\xA0: paramètre ARGP_HELP_FMT inconnu", /* a no-break space before ':' */
        "DW_MACINFO_start_file - nºlin.: %d nºfich.: %d",
        "Orílẹ̀-èdè Olómìnira ilẹ̀ Ṣáínà",
        "byr zadyň waspy, şekilberlebder arkalayan teknölöjig elýetirmeg üçin",
        "Sidste ændring af adgangskode (ÅÅÅÅ-MM-DD)",
        "Copyright (©) %s Free Software Foundation, Inc.",
        "arriba ¿¿?? días ¿¿:??,",
        "КЛЮЧ КЛЮЧ-МН.Ч. превежда КЛЮЧ (ед.ч.) / КЛЮЧ-МН.Ч (мн.ч.)",
        "ПРЕДУПРЕЖДЕНИЕ: „setitimer“",
        "Не удалось загрузить «%s»: %s",
        "Разабранае значэнне «%s» не з'яўляецца правільным подпісам D-Bus",
        "стараанглійская (450–1100)",
        "Possible values are “none”, “wallpaper”, “centered”.",
        "Καλημέρα κόσμε",
        "Nakhi Geba ('Na-'Khi ²Ggŏ-¹baw, Naxi Geba)",
        /* Clean lines that letter pairs, weighed too much, once read otherwise. */
        "Fornenska (uþb. 450-1100)",
        "Han með Bopomofo (samnefni fyrir Han + Bopomofo)",
        "Ndebele, suður; Suður-Ndebele",
        "Bosniýa we Gersogowina Respublikasy",
        "Mikroneziýa Federatiw Ştatlary",
        "goparmak menü aýtemy",
        "Bielorûsseye, Republike Socialisse Sovietike di",
        "República d'Eslovènia",
        "República Socialista Soviètica de Bielorússia",
        "Programm klas e-giz e vez implijet gant ar merour prenestroù",
        "Republika e Moldavisë",
        "Nifarana tampoka tanaty teny fanampiny na torolàlana fikirakirana ilay tahirin-kevitra",
        "ОШИБКА: НЕ УДАЛОСЬ ОТКРЫТЬ ФАЙЛ",
        "Це є файл, а не каталог",
    };
    KEEP(kept, MF_RULES_DEFAULT);
    /* Lines the legacy rule alone must leave: a lone "â" between Latin
     * codecs is no reading ("ā", cp1257), and U+FFFD between letters is a
     * letter lost, not a symbol no language writes. */
    static const char *const alone[] = {
        "Virhe kelattaessa tiedostoa â€?%sâ€?.",
        "Repùblica de s'Uzb\xEF\xBF\xBDkistan",
    };
    KEEP(alone, MF_RULE_LEGACY);
    static const char *const off[] = {"Ïðèâåò, ìèð! Íè÷åãî íå íàéäåíî.", "Za¿ó³æ gêœl¹ jaŸñ"};
    KEEP(off, MF_RULES_DEFAULT & ~(unsigned)MF_RULE_LEGACY);
}
END_TEST

/* Every pair names two codecs of the table, and the languages fit the
 * rule's per-language scratch. */
START_TEST(test_legacy_pairs)
{
    ck_assert_uint_le(mf_lang_count, MF_LEGACY_MAX_LANGS);
    for (size_t p = 0; p < mf_legacy_pair_count; p++) {
        int real = 0, read = 0;
        for (size_t k = 0; k < mf_codecs_count; k++) {
            real += !strcmp(mf_codecs[k].name, mf_legacy_pairs[p].real);
            read += !strcmp(mf_codecs[k].name, mf_legacy_pairs[p].read);
        }
        ck_assert_msg(real == 1 && read == 1, "pair %zu: %s-as-%s", p, mf_legacy_pairs[p].real,
                      mf_legacy_pairs[p].read);
    }
}
END_TEST

/* The cheap look lets through every window the rule may change. */
START_TEST(test_legacy_suspect)
{
    static const char *const yes[] = {"Ïðèâåò", "рТЙЧЕФ", "Za¿ó³æ", "ЏаЁўҐв"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        ck_assert(mf_legacy_suspect((const uint8_t *)yes[i], strlen(yes[i])));
    static const char *const no[] = {"plain ASCII", "中文文本", "ქართული"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        ck_assert(!mf_legacy_suspect((const uint8_t *)no[i], strlen(no[i])));
}
END_TEST

static Suite *legacy_suite(void)
{
    Suite *s = suite_create("legacy");
    TCase *t = tcase_create("legacy");
    tcase_add_test(t, test_legacy);
    tcase_add_test(t, test_legacy_kept);
    tcase_add_test(t, test_legacy_pairs);
    tcase_add_test(t, test_legacy_suspect);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return mf_run_suite(legacy_suite());
}
