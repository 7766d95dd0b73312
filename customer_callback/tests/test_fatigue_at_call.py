# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The contact-fatigue cap at the moment of the call (issue #30): a contact
is a call made, counted on its first attempt; a call that slipped past its
planned day is not made beyond the cap, not offered in My workday, and the
scheduled action moves it to the first day the cap allows (or closes it
when that day is past its deadline)."""

from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import FROZEN_NOW, TODAY, CallbackCase

CONTACT_DAYS_AGO = (20, 10, 3)


@tagged("post_install", "-at_install")
class TestFatigueAtCall(CallbackCase):
    def setUp(self):
        super().setUp()
        self.company.write({"callback_fatigue_max": 3, "callback_fatigue_days": 30})
        self.rule = self.make_rule()
        # a customer of long standing (attempts cannot predate him)
        with patch.object(self.env.cr, "now", lambda: FROZEN_NOW - timedelta(days=90)):
            self.partner = self.env["res.partner"].create(
                {"name": "李娜", "tz": "Asia/Shanghai", "phone": "+86 1390000"}
            )
        # three callbacks planned long ago, each called (late) in the last 30
        # days: the customer was contacted three times, the cap is reached
        for days_ago in CONTACT_DAYS_AGO:
            contacted = self.make_callback(
                self.partner,
                rule_id=self.rule.id,
                planned_date=FROZEN_NOW - timedelta(days=45),
                deadline=TODAY - timedelta(days=40),
            )
            self.env["customer.callback.attempt"].create(
                {
                    "callback_id": contacted.id,
                    "result": "connected",
                    "attempt_date": FROZEN_NOW - timedelta(days=days_ago),
                }
            )
            contacted.write(
                {"state": "done", "planned_date": FROZEN_NOW - timedelta(days=45), "score": 5}
            )
        # the oldest contact leaves the 30 days on this day
        self.first_day = TODAY - timedelta(days=20) + timedelta(days=30)
        # a callback planned two days ago, not called yet
        self.slipped = self.make_callback(
            self.partner,
            rule_id=self.rule.id,
            planned_date=FROZEN_NOW - timedelta(days=2),
            deadline=TODAY + timedelta(days=20),
        )

    def test_the_call_beyond_the_cap_is_refused_naming_the_first_day(self):
        callback = self.slipped.with_user(self.agent1)
        with self.assertRaises(UserError) as refused:
            callback.action_start()
        message = str(refused.exception)
        self.assertIn("contact-fatigue cap", message)
        self.assertIn(format_date(callback.env, self.first_day), message)
        with self.assertRaises(UserError):
            callback.with_context(attempt_result="no_answer").action_log_attempt()
        self.assertFalse(self.slipped.attempt_ids)
        self.assertEqual(self.slipped.state, "planned")

    def test_exempt_callbacks_and_calls_already_made_are_not_held_back(self):
        asked = self.make_callback(self.partner, segment="customer_request")
        ignoring = self.make_callback(self.partner, rule_id=self.make_rule(ignore_fatigue=True).id)
        for callback in asked | ignoring:
            callback.with_user(self.agent1).action_start()
            self.assertEqual(callback.state, "in_progress")
        # a callback already attempted is no new contact: its next attempt goes on
        self.slipped.write({"planned_date": FROZEN_NOW - timedelta(days=1)})
        self.company.callback_fatigue_max = 4
        self.slipped.with_user(self.agent1).action_start()
        self.slipped.with_user(self.agent1).with_context(
            attempt_result="no_answer"
        ).action_log_attempt()
        self.company.callback_fatigue_max = 3
        self.slipped.with_user(self.agent1).with_context(
            attempt_result="no_answer"
        ).action_log_attempt()
        self.assertEqual(len(self.slipped.attempt_ids), 2)

    def test_my_workday_does_not_offer_it(self):
        other = self.make_callback(rule_id=self.rule.id)
        data = self.env["customer.callback.workday"].with_user(self.agent1).get_workday_data()
        ids = [row["id"] for row in data["callbacks"]]
        self.assertIn(other.id, ids)
        self.assertNotIn(self.slipped.id, ids)

    def test_the_scheduled_action_moves_it_or_closes_it(self):
        too_late = self.make_callback(
            self.partner,
            rule_id=self.rule.id,
            planned_date=FROZEN_NOW - timedelta(days=1),
            deadline=TODAY + timedelta(days=5),
        )
        free = self.make_callback(rule_id=self.rule.id, planned_date=FROZEN_NOW)
        # the hourly scheduled action's step (the others commit)
        self.env["customer.callback"]._fatigue_postpone_step()
        self.assertEqual(self.slipped.state, "planned")
        self.assertEqual(self.slipped.planned_date.date(), self.first_day)
        self.assertIn("contact-fatigue cap", self.slipped.message_ids[0].body)
        self.assertEqual(too_late.state, "cancelled")
        self.assertEqual(too_late.close_reason, "fatigue")
        self.assertIn("past its deadline", too_late.message_ids[0].body)
        self.assertEqual(free.planned_date, FROZEN_NOW)
        # the move is said in the agent's language
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["customer_callback"], ["zh_CN"])
        self.agent1.lang = "zh_CN"
        self.slipped.planned_date = FROZEN_NOW - timedelta(days=1)
        self.env["customer.callback"]._fatigue_postpone_step()
        self.assertIn("联系频率上限", self.slipped.message_ids[0].body)

    def test_the_planner_counts_contacts_on_their_first_attempt(self):
        # the three contacts were planned 45 days ago, made in the last 30
        # days: a new callback now goes beyond the cap
        with self.assertRaises(UserError):
            self.env["customer.callback"].with_user(self.agent1).create(
                {
                    "partner_id": self.partner.id,
                    "team_id": self.team.id,
                    "state": "planned",
                    "planned_date": FROZEN_NOW + timedelta(days=1),
                    "deadline": TODAY + timedelta(days=3),
                }
            )
