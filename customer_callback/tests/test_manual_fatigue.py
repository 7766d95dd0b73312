# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The contact-fatigue cap for the callbacks users create: from the form,
by import or RPC, and when a draft is planned."""

from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import FROZEN_NOW, TODAY, CallbackCase


@tagged("post_install", "-at_install")
class TestManualFatigue(CallbackCase):
    def setUp(self):
        super().setUp()
        self.company.write({"callback_fatigue_max": 2, "callback_fatigue_days": 30})
        # two callbacks of the customer this month: the cap is reached
        self.make_callback(planned_date=FROZEN_NOW - timedelta(days=5))
        self.make_callback(planned_date=FROZEN_NOW - timedelta(days=1))
        self.Callback = self.env["customer.callback"].with_user(self.agent1)

    def vals(self, **values):
        return {
            "partner_id": self.partner_sh.id,
            "team_id": self.team.id,
            "state": "planned",
            "planned_date": FROZEN_NOW + timedelta(days=1),
            "deadline": TODAY + timedelta(days=3),
            **values,
        }

    def test_a_callback_beyond_the_cap_is_refused_with_the_way_out(self):
        with self.assertRaises(UserError) as refused:
            self.Callback.create(self.vals())
        message = str(refused.exception)
        self.assertIn(self.partner_sh.name, message)
        self.assertIn("2 callbacks within 30 days", message)
        self.assertIn("another day", message)
        # another customer, or a day outside the period, is allowed
        self.Callback.create(self.vals(partner_id=self.partner_paris.id))
        self.Callback.create(
            self.vals(
                planned_date=FROZEN_NOW + timedelta(days=40), deadline=TODAY + timedelta(days=41)
            )
        )

    def test_the_form_warns_then_refuses_it_too(self):
        with self.assertLogs("odoo.tests.form.onchange", "WARNING") as warned:
            form = Form(self.Callback)
            form.partner_id = self.partner_sh
            form.planned_date = FROZEN_NOW + timedelta(days=1)
        self.assertIn("contact-fatigue cap", "\n".join(warned.output))
        with self.assertRaises(UserError):
            form.save()

    def test_an_import_beyond_the_cap_reports_the_row(self):
        result = (
            self.env["customer.callback"]
            .with_user(self.supervisor)
            .load(
                ["partner_id/.id", "planned_date", "state"],
                [
                    [str(self.partner_paris.id), "2026-11-24 03:00:00", "planned"],
                    [str(self.partner_sh.id), "2026-11-24 03:00:00", "planned"],
                ],
            )
        )
        self.assertFalse(result["ids"], "nothing imported")
        self.assertTrue(
            any("contact-fatigue cap" in message["message"] for message in result["messages"]),
            result["messages"],
        )

    def test_the_rows_of_one_import_count_each_other(self):
        with self.assertRaises(UserError):
            self.Callback.create([self.vals(partner_id=self.partner_paris.id) for _i in range(3)])

    def test_a_rule_that_ignores_fatigue_is_exempt(self):
        rule = self.make_rule(segment="complaint", ignore_fatigue=True)
        self.assertTrue(self.Callback.create(self.vals(rule_id=rule.id)))

    def test_a_draft_counts_once_it_is_planned(self):
        draft = self.Callback.create(self.vals(state="draft", planned_date=False))
        with self.assertRaises(UserError):
            draft.action_plan()
        self.assertEqual(draft.state, "draft")
        # cancelled callbacks never count
        self.callbacks_of(self.partner_sh).filtered(lambda c: c != draft).write(
            {"state": "cancelled"}
        )
        draft.action_plan()
        self.assertEqual(draft.state, "planned")
