# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The contact-fatigue cap counts the customer's days, not UTC's (issue
#30): in Shanghai (UTC+8) a local day runs from 16:00 UTC to 16:00 UTC.
With a cap of one contact a day, the call of 23:00 yesterday evening does
not hold back a call at 00:30, and the call of 07:30 this morning (still
yesterday in UTC) holds back the one of 09:00."""

from contextlib import contextmanager
from datetime import datetime
from unittest.mock import patch

import freezegun

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TODAY, CallbackCase

# Shanghai's local times of 23-24 November 2026 as naive UTC
SH_23_2300 = datetime(2026, 11, 23, 15, 0)
SH_24_0030 = datetime(2026, 11, 23, 16, 30)
SH_24_0730 = datetime(2026, 11, 23, 23, 30)
SH_24_0900 = datetime(2026, 11, 24, 1, 0)


@tagged("post_install", "-at_install")
class TestFatigueLocalDay(CallbackCase):
    def setUp(self):
        super().setUp()
        self.company.write({"callback_fatigue_max": 1, "callback_fatigue_days": 1})
        self.rule = self.make_rule()

    @contextmanager
    def at(self, moment):
        """Python's clock and the cursor's now() at ``moment``."""
        with freezegun.freeze_time(moment), patch.object(self.env.cr, "now", lambda: moment):
            yield

    def contact(self, moment):
        """A callback of the rule called (connected) at ``moment``."""
        callback = self.make_callback(
            rule_id=self.rule.id, planned_date=moment, deadline=TODAY.replace(day=30)
        )
        self.env["customer.callback.attempt"].create(
            {"callback_id": callback.id, "result": "connected", "attempt_date": moment}
        )
        callback.write({"state": "done", "score": 5})
        return callback

    def test_after_the_customer_midnight_yesterday_evening_call_is_yesterday(self):
        with self.at(SH_24_0030):
            self.contact(SH_23_2300)  # 23:00 on the 23rd in Shanghai, 15:00 UTC
            callback = self.make_callback(
                rule_id=self.rule.id, planned_date=SH_24_0030, deadline=TODAY.replace(day=30)
            )
            # 00:30 on the 24th in Shanghai (16:30 UTC on the 23rd): a new day for him
            callback.with_user(self.agent1).action_start()
            self.assertEqual(callback.state, "in_progress")
            data = self.env["customer.callback.workday"].with_user(self.agent1).get_workday_data()
            self.assertIn(callback.id, [row["id"] for row in data["callbacks"]])

    def test_a_call_this_morning_counts_on_this_day(self):
        with self.at(SH_24_0900):
            self.contact(SH_24_0730)  # 07:30 on the 24th in Shanghai, still the 23rd in UTC
            callback = self.make_callback(
                rule_id=self.rule.id, planned_date=SH_24_0900, deadline=TODAY.replace(day=30)
            )
            with self.assertRaises(UserError) as refused:
                callback.with_user(self.agent1).action_start()
            self.assertIn("contact-fatigue cap", str(refused.exception))
            self.assertEqual(callback.state, "planned")

    def test_the_planner_counts_the_customer_day(self):
        with self.at(SH_24_0030):
            # planned at 07:30 on the 24th in Shanghai (the 23rd in UTC)
            self.make_callback(
                rule_id=self.rule.id, planned_date=SH_24_0730, deadline=TODAY.replace(day=30)
            )
            with self.assertRaises(UserError):
                self.env["customer.callback"].with_user(self.agent1).create(
                    {
                        "partner_id": self.partner_sh.id,
                        "team_id": self.team.id,
                        "rule_id": self.rule.id,
                        "state": "planned",
                        "planned_date": SH_24_0900,
                        "deadline": TODAY.replace(day=30),
                    }
                )
