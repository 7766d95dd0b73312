# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The words customers use: segmentation and counting (pure logic, no
database)."""

from odoo.tests import BaseCase, tagged

from ..tools import terms

STOP = {"客户", "希望", "the", "is", "and", "don"}


@tagged("post_install", "-at_install")
class TestTermsTools(BaseCase):
    def test_chinese_is_segmented_punctuation_numbers_and_single_characters_left_out(self):
        self.assertEqual(
            terms.clauses("净水器滤芯漏水，客户希望尽快上门维修。等了3天！50%", STOP),
            [["净水器", "滤芯", "漏水"], ["尽快", "上门", "维修"]],
        )

    def test_english_is_lower_cased_and_stop_words_removed(self):
        self.assertEqual(
            terms.clauses("The filter LEAKS and the App crashes 3 times.", STOP),
            [["filter", "leaks", "app", "crashes", "times"]],
        )
        # full-width letters read as half-width, stop words compared lower-case
        self.assertEqual(terms.clauses("ＡＰＰ闪退", STOP), [["app", "闪退"]])

    def test_phrases_are_two_kept_words_in_one_clause(self):
        found, phrases = terms.terms_of("滤芯漏水，滤芯又漏水了。Filter leaks", STOP)
        self.assertEqual(found, {"滤芯": 2, "漏水": 2, "filter": 1, "leaks": 1})
        # 又 and 了 (one character) are left out; a clause break ends a phrase
        self.assertEqual(phrases, {"滤芯漏水": 2, "filter leaks": 1})
        self.assertEqual(terms.join("app", "闪退"), "app闪退")
        self.assertEqual(terms.join("app", "crashes"), "app crashes")

    def test_counter_counts_records_and_occurrences_per_key(self):
        counter = terms.TermCounter(["客户", "希望"])
        counter.add(1, ("cb", 1), ["滤芯漏水，滤芯漏水", None])
        counter.add(1, ("cb", 2), ["滤芯漏水", "客户希望换滤芯"])
        counter.add(2, ("ticket", 7), ["安装师傅态度很好"])
        counter.add(None, ("cb", 3), ["", "   "])
        rows = {(row["key"], row["kind"], row["term"]): row for row in counter.top(10)}
        leak = rows[(1, "term", "滤芯")]
        self.assertEqual(
            (leak["records"], leak["occurrences"], leak["refs"]), (2, 4, {("cb", 1), ("cb", 2)})
        )
        self.assertEqual(rows[(1, "phrase", "滤芯漏水")]["records"], 2)
        self.assertEqual(rows[(1, "phrase", "滤芯漏水")]["occurrences"], 3)
        self.assertTrue({(2, "term", "安装"), (2, "term", "安装师傅")} & rows.keys())
        self.assertFalse(any(key is None for key, _kind, _term in rows))
        self.assertFalse(any(term in {"客户", "希望"} for _key, _kind, term in rows))

    def test_top_keeps_the_most_mentioned_of_each_key_and_kind(self):
        counter = terms.TermCounter()
        counter.add("a", 1, ["漏水 漏水 异味"])
        counter.add("a", 2, ["漏水 噪音"])
        counter.add("a", 3, ["噪音 异味"])
        counter.add("b", 4, ["异味"])
        top = [(row["key"], row["term"]) for row in counter.top(2) if row["kind"] == "term"]
        # 漏水: 2 records, 3 occurrences; 异味 and 噪音: 2 records, 2 occurrences
        # (ties by the term, in code-point order: 噪 U+566A before 异 U+5F02)
        self.assertEqual(top, [("a", "漏水"), ("a", "噪音"), ("b", "异味")])

    def test_merge_top_sums_over_categories_and_months(self):
        rows = [("漏水", 3, 4), ("异味", 2, 2), ("漏水", 1, 1), ("噪音", 5, 5)]
        self.assertEqual(terms.merge_top(rows, 2), [("噪音", 5, 5), ("漏水", 4, 5)])
        self.assertEqual(terms.merge_top(rows, None)[-1], ("异味", 2, 2))

    def test_normalize_and_keep(self):
        self.assertEqual(terms.normalize("  Ｔｈｅ "), "the")
        self.assertFalse(terms.keep("2026-11", set()))
        self.assertFalse(terms.keep("——", set()))
        self.assertFalse(terms.keep("水", set()))
        self.assertTrue(terms.keep("异味", set()))
        self.assertFalse(terms.keep("异味", {"异味"}))
