# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The agent's day lists her spot-check calls apart from her due callbacks;
a dissatisfied customer's promised reply reads in each reader's time."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase

HOUR = timedelta(hours=1)


@tagged("post_install", "-at_install")
class TestSpotCheckWorkday(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent1.tz = "Asia/Shanghai"
        cls.sh = cls.make_callback(cls, cls.partner_sh, planned_date=FROZEN_NOW + 2 * HOUR)

    def test_spot_checks_listed_apart(self):
        spot = self.make_callback(self.partner_sh, segment="spot_check")
        data = (
            self.env["customer.callback.workday"]
            .with_user(self.agent1)
            .with_context(tz="Asia/Shanghai")
            .get_workday_data()
        )
        self.assertEqual([row["id"] for row in data["callbacks"]], [self.sh.id])
        self.assertEqual([row["id"] for row in data["spot_checks"]], [spot.id])
        self.assertEqual(data["counts"]["spot_checks"], 1)
        self.assertEqual(data["counts"]["callbacks"], 1)

    def test_spot_check_complaint_promise_in_each_readers_time(self):
        self.agent1.tz = "Asia/Shanghai"
        callback = self.make_callback(segment="spot_check", score=1, feedback="Rude courier")
        callback.with_user(self.agent1).with_context(
            tz="Asia/Shanghai"
        ).action_open_spot_check_complaint()
        callback.invalidate_recordset()
        promised = callback.promised_date
        ticket = callback.spot_check_complaint_id
        shanghai = (promised + 8 * HOUR).strftime("%Y-%m-%d %H:%M")
        self.assertIn(f"{shanghai} (Asia/Shanghai)", str(callback.message_ids[0].body))
        # the ticket's description is read by its owner (no batch leader on
        # this spot-check: the agent), in the owner's time, not in UTC
        self.assertIn(f"{shanghai} (Asia/Shanghai)", str(ticket.description))
        self.assertNotIn(promised.strftime("%Y-%m-%d %H:%M"), str(ticket.description))
