# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.tests import tagged

from .common import FROZEN_NOW, TODAY, CallbackCase


@tagged("post_install", "-at_install")
class TestStale(CallbackCase):
    def run_stale_batches(self):
        """Every batch, as the scheduler runs them: the database may hold
        other overdue callbacks (demo data loaded on another day), expired or
        escalated in batches of their own before this test's."""
        for _batch in range(100):
            processed, _remaining = self.env["customer.callback"]._close_stale_batch()
            if not processed:
                return
        self.fail("overdue handling did not finish in 100 batches")

    def test_overdue_escalates_once_to_the_team_leader(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["customer_callback"], ["zh_CN"])
        self.supervisor.lang = "zh_CN"
        overdue = self.make_callback(
            deadline=TODAY - timedelta(days=2), planned_date=FROZEN_NOW - timedelta(days=3)
        )
        on_time = self.make_callback(self.partner_paris, deadline=TODAY + timedelta(days=1))
        Callback = self.env["customer.callback"]
        self.run_stale_batches()
        activity = overdue.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("customer_callback.mail_activity_type_callback_overdue"),
        )
        self.assertEqual(overdue.escalation_date, TODAY)
        self.assertIn("回访", str(activity.note), "in the team leader's language")
        self.assertFalse(on_time.activity_ids)
        # a second run escalates nothing again
        self.run_stale_batches()
        self.assertEqual(len(overdue.activity_ids), 1)
        self.assertEqual(Callback._close_stale_batch(), (0, 0), "nothing left to do")

    def test_long_overdue_expire(self):
        self.company.callback_overdue_cancel_days = 10
        old = self.make_callback(
            deadline=TODAY - timedelta(days=11), planned_date=FROZEN_NOW - timedelta(days=12)
        )
        recent = self.make_callback(
            self.partner_paris,
            deadline=TODAY - timedelta(days=9),
            planned_date=FROZEN_NOW - timedelta(days=10),
        )
        self.run_stale_batches()
        self.assertEqual(old.state, "cancelled")
        self.assertEqual(old.close_reason, "expired")
        self.assertEqual(recent.state, "planned")
        self.company.callback_overdue_cancel_days = 0  # never
        older = self.make_callback(
            self.partner_ny,
            deadline=TODAY - timedelta(days=100),
            planned_date=FROZEN_NOW - timedelta(days=101),
        )
        self.run_stale_batches()
        self.assertEqual(older.state, "planned")

    def test_batches_cover_everything(self):
        callbacks = self.env["customer.callback"]
        for _i in range(5):
            callbacks |= self.make_callback(
                deadline=TODAY - timedelta(days=1), planned_date=FROZEN_NOW - timedelta(days=2)
            )
        total = 0
        while True:
            processed, remaining = self.env["customer.callback"]._close_stale_batch(batch_size=2)
            total += processed
            if not processed:
                break
        self.assertTrue(all(callbacks.mapped("escalation_date")))
        self.assertEqual(sum(len(c.activity_ids) for c in callbacks), 5)
