# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What counts toward the contact-fatigue cap (issue #30, customer #727 of
the simulated year): one definition for the planner, the call and My
workday. The customer's own request does not count (nor, with
customer_callback_spot_check, the service spot-check); a rule's callback
the cap refuses on every day up to its deadline is closed with the reason,
never dropped without a trace."""

from datetime import date, timedelta
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..tools import cadence
from .common import FROZEN_NOW, TODAY, CallbackCase


@tagged("post_install", "-at_install")
class TestFatigueCountsTools(BaseCase):
    def test_what_counts(self):
        for segment in ("new_customer", "usage", "complaint", "vip", "other"):
            self.assertTrue(cadence.counts_toward_fatigue(segment))
            self.assertFalse(cadence.counts_toward_fatigue(segment, rule_ignores_fatigue=True))
        self.assertFalse(cadence.counts_toward_fatigue("customer_request"))
        # an addon's segment, through the model's hook
        self.assertFalse(cadence.counts_toward_fatigue("x", free_segments=("x",)))

    def test_first_allowed_day(self):
        first = cadence.fatigue_first_allowed_day
        contacts = [date(2025, 1, 20), date(2025, 2, 6), date(2025, 2, 10)]
        # cap 3 in 30 days: from 12 to 16 February every day is full, the
        # 19th is free again (20 January has left the 30 days)
        self.assertIsNone(first(contacts, date(2025, 2, 12), date(2025, 2, 16), 3, 30))
        self.assertEqual(
            cadence.fatigue_first_allowed_day(
                contacts, date(2025, 2, 12), date(2025, 2, 20), 3, 30
            ),
            date(2025, 2, 19),
        )
        self.assertEqual(
            cadence.fatigue_first_allowed_day(
                contacts, date(2025, 2, 12), date(2025, 2, 16), 4, 30
            ),
            date(2025, 2, 12),
        )
        self.assertEqual(
            cadence.fatigue_first_allowed_day(
                contacts, date(2025, 2, 12), date(2025, 2, 12), 0, 30
            ),
            date(2025, 2, 12),
        )


@tagged("post_install", "-at_install")
class FatigueCountsCase(CallbackCase):
    """A customer's contacts and the rules' plans (customer_callback_spot_check
    reuses it for the spot-checks)."""

    def setUp(self):
        super().setUp()
        self.company.write({"callback_fatigue_max": 3, "callback_fatigue_days": 30})
        self.vip = self.make_rule(segment="vip")
        self.new_rule = self.make_rule(segment="new_customer", window_days=4)
        with patch.object(self.env.cr, "now", lambda: FROZEN_NOW - timedelta(days=90)):
            self.partner = self.env["res.partner"].create(
                {"name": "王芳", "tz": "Asia/Shanghai", "phone": "+86 1391111"}
            )

    def contact(self, local_days_ago, **values):
        """A callback of the customer called ``local_days_ago`` days ago, at
        00:30 of that day in Shanghai (16:30 UTC the day before)."""
        moment = FROZEN_NOW.replace(hour=16, minute=30) - timedelta(days=local_days_ago + 1)
        callback = self.make_callback(
            self.partner,
            planned_date=moment - timedelta(days=1),
            deadline=TODAY - timedelta(days=local_days_ago),
            **values,
        )
        self.env["customer.callback.attempt"].create(
            {"callback_id": callback.id, "result": "connected", "attempt_date": moment}
        )
        callback.write({"state": "done", "score": 5})
        return callback

    def plan(self, rule, key, days=4):
        return self.env["customer.callback"]._plan_callbacks(
            [
                {
                    "partner_id": self.partner.id,
                    "company_id": self.company.id,
                    "rule_id": rule.id,
                    "segment": rule.segment,
                    "period_key": key,
                    "team_id": self.team.id,
                    "user_id": self.agent1.id,
                    "plan_start": TODAY,
                    "deadline": TODAY + timedelta(days=days),
                    "state": "planned",
                }
            ]
        )

    def check_customer_727(self, *free_contacts):
        """Customer #727 of the simulated year: two VIP calls, the contacts
        ``free_contacts`` ((local days ago, values) that never count: the
        spot-checks' test adds the month's spot-check) and the call he asked
        for on his page; the new-customer callback is placed, the second VIP
        one closed by the cap."""
        self.contact(20, rule_id=self.vip.id, segment="vip")
        for days_ago, values in free_contacts:
            self.contact(days_ago, **values)
        self.contact(10, rule_id=self.vip.id, segment="vip")
        asked = self.make_callback(
            self.partner, segment="customer_request", planned_date=FROZEN_NOW + timedelta(days=1)
        )
        first = self.plan(self.new_rule, "N1")
        self.assertEqual(len(first), 1, "the new-customer callback is placed")
        self.assertEqual(first.state, "planned")
        # the call itself and My workday agree: not held back
        self.assertFalse(first._fatigue_held_back(FROZEN_NOW))
        first.with_user(self.agent1).action_start()
        self.assertEqual(first.state, "in_progress")
        data = self.env["customer.callback.workday"].with_user(self.agent1).get_workday_data()
        self.assertIn(first.id, [row["id"] for row in data["callbacks"]])
        # his request is no more held back than before
        self.assertFalse(asked._fatigue_held_back(FROZEN_NOW + timedelta(days=1)))
        # the second rule callback of the period: three counted contacts
        # (two VIP calls, the new-customer call) on every day up to its
        # deadline: closed with the reason, not silently dropped
        second = self.plan(self.vip, "V2", days=1)
        self.assertEqual(len(second), 1)
        self.assertEqual(
            (second.state, second.close_reason, second.rule_id), ("cancelled", "fatigue", self.vip)
        )
        self.assertIn("contact-fatigue cap", second.remarks)
        # planned again (the next generation run): the closed one stands
        self.assertFalse(self.plan(self.vip, "V2", days=1))
        self.assertEqual(len(self.callbacks_of(self.partner, self.vip)), 3)


@tagged("post_install", "-at_install")
class TestFatigueCounts(FatigueCountsCase):
    def test_customer_727_his_request_does_not_count(self):
        # the month's spot-check: customer_callback_spot_check's test
        self.check_customer_727()

    def test_a_refusal_with_a_free_day_before_the_deadline_waits(self):
        # 30 local days ago (00:30 Shanghai, still 31 days ago in UTC): it
        # leaves the window tomorrow, the callback is offered again then
        self.contact(29, rule_id=self.vip.id, segment="vip")
        self.contact(20, rule_id=self.vip.id, segment="vip")
        self.contact(10, rule_id=self.vip.id, segment="vip")
        self.assertFalse(self.plan(self.new_rule, "N1"), "refused today, nothing closed")
        self.assertFalse(self.callbacks_of(self.partner, self.new_rule))
        # with a deadline today only, the refusal is final: recorded
        closed = self.plan(self.new_rule, "N1", days=0)
        self.assertEqual(closed.close_reason, "fatigue")

    def test_a_callback_planned_by_hand_counts_and_is_held_back(self):
        for days_ago in (20, 10, 3):
            self.contact(days_ago)  # by hand: no rule
        manual = self.make_callback(self.partner, planned_date=FROZEN_NOW - timedelta(days=1))
        with self.assertRaises(UserError):
            manual.with_user(self.agent1).action_start()
        asked = self.make_callback(self.partner, segment="customer_request")
        asked.with_user(self.agent1).action_start()
        self.assertEqual(asked.state, "in_progress")
