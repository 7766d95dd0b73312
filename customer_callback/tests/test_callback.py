# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta
from unittest.mock import patch

import freezegun

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..models.base import suite_text_fields
from .common import FROZEN_NOW, CallbackCase


@tagged("post_install", "-at_install")
class TestCallback(CallbackCase):
    def test_reference_is_year_month_serial_restarting_monthly(self):
        first = self.make_callback()
        second = self.make_callback(self.partner_paris)
        self.assertRegex(first.name, r"^202611\d{3}$")
        self.assertEqual(int(second.name[6:]), int(first.name[6:]) + 1)
        with freezegun.freeze_time(datetime(2026, 12, 1, 3, 0)):
            december = self.make_callback()
        self.assertEqual(december.name, "202612001")
        copy = first.copy()
        self.assertNotEqual(copy.name, first.name)

    def test_score_must_be_one_to_five(self):
        callback = self.make_callback()
        for bad in (0, 6, -1):
            with self.assertRaises(ValidationError):
                callback.score = bad
        with self.assertRaises(ValidationError):
            self.make_callback(score=7)
        callback.score = 4
        callback.write({"score": False})  # clearing is allowed
        self.assertEqual(callback.score, 0)

    def test_average_score_leaves_unscored_callbacks_out(self):
        scored = self.make_callback(score=4) | self.make_callback(self.partner_paris, score=2)
        unscored = self.make_callback(self.partner_ny)
        generated = self.make_callback(self.partner_ny)
        # the generator inserts 0, and the ORM stores 0 for an emptied score
        unscored.write({"score": False})
        self.env.cr.execute("UPDATE customer_callback SET score = 0 WHERE id = %s", [generated.id])
        self.env.invalidate_all()
        callbacks = scored | unscored | generated
        [(average,)] = self.env["customer.callback"]._read_group(
            [("id", "in", callbacks.ids)], [], ["score:avg"]
        )
        self.assertEqual(average, 3.0, "the average of 4 and 2, not of 4, 2, 0 and 0")
        # the other aggregates are the ORM's
        [(total,)] = self.env["customer.callback"]._read_group(
            [("id", "in", callbacks.ids)], [], ["score:sum"]
        )
        self.assertEqual(total, 6)

    def test_window_settings_refuse_inverted_or_overlapping(self):
        with self.assertRaises(ValidationError):
            self.company.write({"callback_workday_from1": 12.0, "callback_workday_to1": 9.0})
        with self.assertRaises(ValidationError):
            self.company.write({"callback_workday_to1": 14.0})  # overlaps 13:00-20:00
        with self.assertRaises(ValidationError):
            self.company.write({"callback_slot_afternoon": 19.0})
        with self.assertRaises(ValidationError):
            self.company.write({"callback_fatigue_days": -3})
        self.company.write(
            {"callback_holiday_from2": 0.0, "callback_holiday_to2": 0.0}
        )  # window unused
        self.assertEqual(self.company._callback_windows()["holiday"], [(10.0, 12.0)])

    def test_settings_form_changes_a_window(self):
        settings = Form(self.env["res.config.settings"])
        settings.callback_workday_from1 = 8.5
        settings.save().execute()
        self.assertEqual(self.company.callback_workday_from1, 8.5)

    def test_settings_saved_unchanged_write_nothing_on_the_company(self):
        """The web client sends every setting on saving: only the ones changed
        are written to the company (issue #29, Settings speed)."""
        written = []
        Company = type(self.env["res.company"])
        original = Company.write

        def spy(companies, vals):
            written.append(set(vals))
            return original(companies, vals)

        settings = Form(self.env["res.config.settings"])
        with patch.object(Company, "write", spy):
            settings.save().execute()
            suite = [names for names in written if any(n.startswith("callback_") for n in names)]
            self.assertEqual(suite, [], "nothing changed, nothing of the suite written")
            settings = Form(self.env["res.config.settings"])
            settings.callback_retry_gap_hours = self.company.callback_retry_gap_hours + 1
            settings.save().execute()
        suite = [names for names in written if any(n.startswith("callback_") for n in names)]
        self.assertEqual(suite, [{"callback_retry_gap_hours"}])

    def test_plan_places_in_window_in_two_timezones_and_holiday(self):
        # 02:00 UTC: 10:00 in Shanghai (inside), 21:00 the day before in New York (outside)
        sh = self.make_callback(state="draft", planned_date=False, deadline=False)
        ny = self.make_callback(self.partner_ny, state="draft", planned_date=False, deadline=False)
        (sh | ny).action_plan()
        self.assertEqual(
            self.local(sh.planned_date, "Asia/Shanghai"), datetime(2026, 11, 23, 10, 0)
        )
        self.assertEqual(
            self.local(ny.planned_date, "America/New_York"), datetime(2026, 11, 23, 9, 0)
        )
        self.assertEqual(sh.state, "planned")
        self.assert_in_window(ny)
        # a public holiday on Tuesday in the company calendar: holiday window (10:00)
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.company.resource_calendar_id.id,
                "date_from": datetime(2026, 11, 23, 16, 0),
                "date_to": datetime(2026, 11, 24, 15, 59),
            }
        )
        with freezegun.freeze_time(datetime(2026, 11, 23, 13, 0)):  # 21:00 Shanghai
            later = self.make_callback(state="draft", planned_date=False, deadline=False)
            later.action_plan()
        self.assertEqual(
            self.local(later.planned_date, "Asia/Shanghai"), datetime(2026, 11, 24, 10, 0)
        )

    def test_preferred_time_wins(self):
        self.partner_sh.callback_preferred_time = 19.5
        callback = self.make_callback(state="draft", planned_date=False, deadline=False)
        callback.action_plan()
        self.assertEqual(
            self.local(callback.planned_date, "Asia/Shanghai"), datetime(2026, 11, 23, 19, 30)
        )
        with self.assertRaises(ValidationError):
            self.partner_sh.callback_preferred_time = 25

    def test_history_is_archived_not_deleted(self):
        callback = self.make_callback()
        callback.with_context(attempt_result="no_answer").action_log_attempt()
        with self.assertRaises(UserError):
            callback.unlink()
        callback.action_archive()
        self.assertFalse(callback.active)
        draft = self.make_callback(state="draft")
        draft.unlink()  # nothing happened yet: may go
        self.assertFalse(draft.exists())

    def test_rule_with_callbacks_is_archived_not_deleted(self):
        rule = self.make_rule()
        callback = self.make_callback(rule_id=rule.id, segment="usage", active=False)
        with self.assertRaises(UserError):
            rule.unlink()
        rule.action_archive()
        self.assertEqual(callback.rule_id, rule)
        self.make_rule(name="Unused rule").unlink()
        # an uninstall deleting an addon's rule keeps its callbacks
        rule.with_context(**{MODULE_UNINSTALL_FLAG: True}).unlink()
        self.assertTrue(callback.exists())
        self.assertFalse(callback.rule_id)
        self.assertEqual(callback.segment, "usage")

    def test_problem_becomes_ticket_with_link(self):
        callback = self.make_callback(
            feedback="The filter leaks",
            next_action="Send a technician",
            problem_category_id=self.env.ref(
                "customer_callback.helpdesk_ticket_category_technical"
            ).id,
            promised_date=FROZEN_NOW + timedelta(hours=4),
        )
        action = callback.action_create_ticket()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.origin_callback_id, callback)
        self.assertEqual(ticket.partner_id, self.partner_sh)
        # titled by the problem, never by the next action (issue #29)
        self.assertEqual(ticket.name, "The filter leaks")
        self.assertEqual(callback.raised_ticket_count, 1)
        self.assertEqual(callback.problem_status, "pending")
        handover = callback.action_handover()
        self.assertEqual(handover["res_model"], "mail.activity.schedule")

    def test_script_refuses_forbidden_phrases_and_unknown_placeholders(self):
        self.company.callback_forbidden_phrases = "your fault\n你怎么不早说"
        Script = self.env["customer.callback.script"]
        with self.assertRaises(ValidationError):
            Script.create({"name": "Bad", "body": "<p>That is your fault.</p>"})
        with self.assertRaises(ValidationError):
            Script.create({"name": "Typo", "body": "<p>Hello {surnam}</p>"})
        Script.create({"name": "Good", "body": "<p>Hello {surname}</p>"})

    def test_text_limits(self):
        callback = self.make_callback()
        with self.assertRaises(ValidationError):
            callback.summary = "x" * 20001

    def test_text_limits_cover_the_suites_fields_on_platform_models(self):
        """The limit holds for the text fields the suite adds to a platform
        model (the customer's title, the company's forbidden phrases), not
        for the platform's own (a customer's name, notes)."""
        partner_fields = suite_text_fields(self.env["res.partner"])
        self.assertIn("callback_title", partner_fields)
        self.assertNotIn("name", partner_fields)
        self.assertNotIn("comment", partner_fields)
        self.assertIn("callback_forbidden_phrases", suite_text_fields(self.env["res.company"]))
        with self.assertRaises(ValidationError):
            self.partner_sh.callback_title = "x" * 20001
        self.partner_sh.comment = "x" * 20001
        # the settings' company fields are the suite's related ones only
        names = self.env["res.config.settings"]._callback_company_fields()
        self.assertIn("callback_forbidden_phrases", names)
        self.assertNotIn("report_footer", names)

    def test_partner_statistics_and_smart_button(self):
        self.make_callback(state="done", score=4, summary="a", done_date=FROZEN_NOW)
        self.make_callback(state="done", score=2, summary="b", done_date=FROZEN_NOW)
        self.make_callback(state="unreachable")
        self.assertEqual(self.partner_sh.callback_satisfaction, 3.0)
        self.assertEqual(self.partner_sh.callback_count, 3)
        action = self.partner_sh.action_view_callbacks()
        self.assertEqual(self.env["customer.callback"].search_count(action["domain"]), 3)

    def test_erase_personal_data_on_request(self):
        callback = self.make_callback()
        callback.with_context(attempt_result="no_answer").action_log_attempt()
        with self.assertRaises(AccessError):
            self.partner_sh.with_user(self.supervisor).action_erase_callback_data()
        self.partner_sh.action_erase_callback_data()
        self.assertFalse(callback.exists())
        self.assertFalse(
            self.env["customer.callback.attempt"].search([("partner_id", "=", self.partner_sh.id)])
        )
