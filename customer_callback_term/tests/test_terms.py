# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import CallbackCase, cron_commits, fail_on_call

OCTOBER = date(2026, 10, 1)


class TermCase(CallbackCase):
    """高频问题词 from a fixture with hand-counted terms: October 2026 in
    Shanghai (the frozen day is 23 November 2026). Shared with
    customer_callback_term_report's test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quality = cls.env.ref("customer_callback.helpdesk_ticket_category_product_quality")
        Partner = cls.env["res.partner"]

        def closed(name, when, **values):
            callback = cls.make_callback(cls, Partner.create({"name": name}))
            callback.sudo().write(dict(values, state="done", score=3, done_date=when))
            return callback

        oct_5 = datetime(2026, 10, 5, 2, 0)
        cls.leak = closed(
            "Leak", oct_5, feedback="滤芯漏水，希望尽快上门维修", problem_category_id=cls.quality.id
        )
        cls.env["customer.callback.attempt"].create(
            [
                # the customer was reached: her words count
                {
                    "callback_id": cls.leak.id,
                    "result": "connected",
                    "note": "客户说滤芯漏水很严重",
                },
            ]
        )
        cls.english = closed(
            "English", oct_5, feedback="The filter leaks again!", problem_category_id=cls.quality.id
        )
        cls.praise = closed("Praise", oct_5, feedback="安装师傅态度很好")
        cls.env["customer.callback.attempt"].create(
            [
                # nobody answered: the agent's note is not the customer's words
                {
                    "callback_id": cls.praise.id,
                    "result": "no_answer",
                    "note": "滤芯漏水",
                }
            ]
        )
        # 1 October 01:00 in Shanghai (30 September in UTC): October
        cls.first_hour = closed("First hour", datetime(2026, 9, 30, 17, 0), feedback="出水量小")
        # 1 November 01:00 in Shanghai (31 October in UTC): November
        closed("November", datetime(2026, 10, 31, 17, 0), feedback="噪音很大，滤芯漏水")
        # a problem raised during a callback, on 5 October (a complaint
        # received then counts the same: customer_callback_complaint)
        with patch.object(cls.cr, "now", lambda: oct_5):
            cls.ticket = cls.env["helpdesk.ticket"].create(
                {
                    "name": "Leak",
                    "description": "<p>滤芯<b>漏水</b>，出水有异味</p>",
                    "partner_id": cls.partner_sh.id,
                    "origin_callback_id": cls.praise.id,
                    "team_id": cls.team.id,
                    "category_id": cls.quality.id,
                }
            )
        StopWord = cls.env["customer.callback.stop.word"]
        StopWord.create({"word": "严重", "company_id": cls.company.id})

    def rows(self, month=OCTOBER):
        return {
            (row.category_id, row.kind, row.term): row
            for row in self.env["customer.callback.term"].search(
                [("company_id", "=", self.company.id), ("month", "=", month)]
            )
        }


@tagged("post_install", "-at_install")
class TestTerms(TermCase):
    def test_hand_counted_terms_of_a_month(self):
        self.env["customer.callback.term"]._compute_month(self.company, date(2026, 10, 17))
        rows = self.rows()
        leak = rows[(self.quality, "term", "滤芯")]
        # the leaking callback (feedback and the connected call's note) and the ticket
        self.assertEqual(
            (leak.record_count, leak.occurrence_count, leak.callback_count, leak.ticket_count),
            (2, 3, 1, 1),
        )
        self.assertEqual(leak.callback_ids_json, self.leak.ids)
        self.assertEqual(leak.ticket_ids_json, self.ticket.ids)
        phrase = rows[(self.quality, "phrase", "滤芯漏水")]
        self.assertEqual((phrase.record_count, phrase.occurrence_count), (2, 3))
        self.assertEqual(rows[(self.quality, "term", "leaks")].record_count, 1)
        self.assertEqual(rows[(self.quality, "phrase", "filter leaks")].record_count, 1)
        self.assertEqual(rows[(self.quality, "term", "异味")].ticket_count, 1)
        no_category = self.env["helpdesk.ticket.category"]
        self.assertIn((no_category, "term", "态度"), rows)
        # the first hour of October in Shanghai counts, the first of November not
        self.assertIn((no_category, "term", "出水量"), rows)
        self.assertNotIn((no_category, "term", "噪音"), rows)
        words = {term for _category, _kind, term in rows}
        # the default list (希望, 客户, the, again) and the company's own word (严重)
        for stop_word in ("希望", "客户", "the", "again", "严重"):
            self.assertNotIn(stop_word, words)
        # numbers, punctuation and single characters are never terms
        self.assertFalse({word for word in words if len(word) < 2 or "!" in word})

    def test_computing_again_replaces_the_month_and_follows_the_stop_words(self):
        Term = self.env["customer.callback.term"]
        Term._compute_month(self.company, OCTOBER)
        self.env["customer.callback.stop.word"].create(
            {"word": "滤芯", "company_id": self.company.id}
        )
        Term._compute_month(self.company, OCTOBER)
        rows = self.rows()
        self.assertNotIn((self.quality, "term", "滤芯"), rows)
        self.assertEqual(rows[(self.quality, "term", "漏水")].record_count, 2)
        self.assertEqual(
            len(rows),
            Term.search_count([("company_id", "=", self.company.id), ("month", "=", OCTOBER)]),
        )

    def test_each_line_opens_its_records_under_the_readers_rules(self):
        self.env["customer.callback.term"]._compute_month(self.company, OCTOBER)
        leak = self.rows()[(self.quality, "term", "滤芯")].with_user(self.supervisor)
        action = leak.action_open_callbacks()
        self.assertEqual(action["res_model"], "customer.callback")
        self.assertEqual(
            self.env["customer.callback"].with_user(self.supervisor).search(action["domain"]),
            self.leak,
        )
        action = leak.action_open_tickets()
        self.assertEqual(self.env["helpdesk.ticket"].search(action["domain"]), self.ticket)

    def test_agents_read_no_terms_nor_stop_words(self):
        self.env["customer.callback.term"]._compute_month(self.company, OCTOBER)
        for model in ("customer.callback.term", "customer.callback.stop.word"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.agent1).search([])
        self.assertTrue(
            self.env["customer.callback.term"].with_user(self.supervisor).search_count([])
        )
        with self.assertRaises(AccessError):
            self.env["customer.callback.term.compute"].with_user(self.agent1).create({})

    def test_compute_wizard_counts_a_month_now(self):
        wizard = (
            self.env["customer.callback.term.compute"]
            .with_user(self.supervisor)
            .create({"year": 2026, "month": "10"})
        )
        action = wizard.action_compute()
        found = (
            self.env["customer.callback.term"].with_user(self.supervisor).search(action["domain"])
        )
        self.assertIn("滤芯", found.mapped("term"))
        self.assertEqual(set(found.mapped("month")), {OCTOBER})
        wizard.year = 1999
        with self.assertRaises(UserError):
            wizard.action_compute()

    def test_scheduled_action_computes_the_month_just_ended_once(self):
        Term = self.env["customer.callback.term"]
        for _round in range(20):
            done, _remaining = Term._compute_terms_batch()
            if not done:
                break
        self.assertEqual(self.company.callback_terms_month, OCTOBER)
        self.assertIn((self.quality, "term", "滤芯"), self.rows())
        self.assertEqual(Term._compute_terms_batch(), (0, 0))

    def test_scheduled_action_commits_one_company_a_time_and_survives_a_crash(self):
        Term = self.env["customer.callback.term"]
        Company = self.env["res.company"]

        def done_companies():
            return Company.search([("callback_terms_month", "=", OCTOBER)])

        before = done_companies()
        with (
            fail_on_call(type(Term), "_compute_month", 1),
            cron_commits(self.env, crash=RuntimeError) as run,
        ):
            Term._cron_compute_terms()
        self.assertTrue(run.error, "the run crashed")
        self.assertEqual(run.commits, [])
        self.assertEqual(done_companies(), before, "the crashed batch left nothing")
        # the scheduler calls the action again while companies remain
        with cron_commits(self.env) as run:
            for _call in range(20):
                Term._cron_compute_terms()
                if run.commits[-1][1] == 0:
                    break
        self.assertEqual(run.commits[-1][1], 0)
        self.assertEqual({done for done, _remaining in run.commits}, {1})
        self.assertIn(self.company, done_companies())
        self.assertIn((self.quality, "term", "滤芯"), self.rows())

    def test_stop_words_default_list_and_cleaning(self):
        StopWord = self.env["customer.callback.stop.word"]
        words = StopWord._words_of(self.company)
        self.assertTrue({"希望", "我们", "the", "please", "严重"} <= words)
        word = StopWord.create({"word": "  Ｆｉｌｔｅｒ ", "company_id": self.company.id})
        self.assertEqual(word.word, "filter")
        with self.assertRaises(ValidationError):
            StopWord.create({"word": "   ", "company_id": self.company.id})
        # a company that already has a list is not given the defaults again
        count = StopWord.with_context(active_test=False).search_count(
            [("company_id", "=", self.company.id)]
        )
        StopWord._load_default_stop_words(self.company)
        self.assertEqual(
            StopWord.with_context(active_test=False).search_count(
                [("company_id", "=", self.company.id)]
            ),
            count,
        )
