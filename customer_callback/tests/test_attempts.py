# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

import freezegun

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import FROZEN_NOW, CallbackCase


@tagged("post_install", "-at_install")
class TestAttempts(CallbackCase):
    def log(self, callback, result, when):
        """Log an attempt at ``when`` (UTC) through the one-click button."""
        with freezegun.freeze_time(when):
            return callback.with_context(attempt_result=result).action_log_attempt()

    def test_unreachable_after_three_slots_and_a_message(self):
        callback = self.make_callback()
        # Shanghai: 10:00 (morning), 14:00 (afternoon), 19:00 (evening)
        self.log(callback, "no_answer", datetime(2026, 11, 23, 2, 0))
        self.assertEqual(callback.state, "in_progress")
        self.assertEqual(callback.attempt_ids.slot, "morning")
        # the next try is planned in another slot, inside a window
        self.assertNotEqual(self.local(callback.planned_date, "Asia/Shanghai").hour < 12, True)
        self.assert_in_window(callback)
        self.log(callback, "busy", datetime(2026, 11, 23, 6, 0))
        self.log(callback, "switched_off", datetime(2026, 11, 23, 11, 0))
        self.assertEqual(callback.state, "in_progress", "a message must be left first")
        self.log(callback, "message_sent", datetime(2026, 11, 23, 11, 5))
        self.assertEqual(callback.state, "unreachable")
        self.assertFalse(callback.score)
        self.assertEqual(callback.close_reason, "unreachable")

    def test_same_slot_attempts_do_not_close(self):
        callback = self.make_callback()
        for minute in (0, 10, 20):
            self.log(callback, "no_answer", datetime(2026, 11, 23, 2, minute))
        self.log(callback, "message_sent", datetime(2026, 11, 23, 2, 30))
        self.assertEqual(callback.state, "in_progress")
        local = self.local(callback.planned_date, "Asia/Shanghai")
        self.assertGreaterEqual(local.hour, 12, "next attempt planned outside the morning slot")

    def test_declined_twice_in_distinct_slots(self):
        callback = self.make_callback()
        self.log(callback, "declined", datetime(2026, 11, 23, 2, 0))
        self.assertEqual(callback.state, "in_progress")
        self.log(callback, "declined", datetime(2026, 11, 23, 11, 0))
        self.assertEqual(callback.state, "declined")
        self.assertFalse(callback.score)

    def test_hung_up_after_connecting_scores_three(self):
        callback = self.make_callback()
        self.log(callback, "hung_up", datetime(2026, 11, 23, 2, 0))
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.score, 3)
        self.assertEqual(callback.close_reason, "hung_up")

    def test_connected_then_done_with_outcome(self):
        callback = self.make_callback()
        action = self.log(callback, "connected", datetime(2026, 11, 23, 2, 0))
        self.assertEqual(callback.state, "in_progress")
        self.assertIn("record the outcome", action["params"]["message"])
        # then the form reloads its record (Odoo's way, keeping the tab shown),
        # not the whole view (a soft_reload rebuilds it)
        self.assertEqual(action["params"]["next"], {"type": "ir.actions.act_window_close"})
        with self.assertRaises(UserError):
            callback.action_done()  # summary required by default
        callback.write({"summary": "Satisfied", "score": 5, "problem_status": "no_action"})
        callback.action_done()
        self.assertEqual(callback.state, "done")
        self.assertEqual(self.partner_sh.callback_satisfaction, 5.0)
        self.assertEqual(self.partner_sh.last_callback_date, FROZEN_NOW)
        with self.assertRaises(UserError):
            self.log(callback, "no_answer", datetime(2026, 11, 23, 3, 0))

    def test_attempt_outside_window_warns(self):
        callback = self.make_callback()
        # 22:00 in Shanghai
        action = self.log(callback, "no_answer", datetime(2026, 11, 23, 14, 0))
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "warning")
        self.assertFalse(callback.attempt_ids.in_window)
        self.assertEqual(callback.attempt_ids.slot, "evening")
        # inside the window: no warning, only what happens next (issue #29)
        action = self.log(callback, "busy", datetime(2026, 11, 23, 2, 0))
        self.assertEqual(action["params"]["type"], "info")
        self.assertIn("Next attempt", action["params"]["message"])

    def test_attempt_in_the_future_is_refused(self):
        callback = self.make_callback()
        with self.assertRaises(ValidationError):
            self.env["customer.callback.attempt"].create(
                {
                    "callback_id": callback.id,
                    "result": "no_answer",
                    "attempt_date": FROZEN_NOW + timedelta(hours=2),
                }
            )
        with self.assertRaises(ValidationError):
            self.env["customer.callback.attempt"].create(
                {
                    "callback_id": callback.id,
                    "result": "no_answer",
                    "attempt_date": FROZEN_NOW - timedelta(days=30),
                }
            )

    def test_unknown_result_is_refused(self):
        callback = self.make_callback()
        with self.assertRaises(UserError):
            callback.with_context(attempt_result="teleported").action_log_attempt()
        with self.assertRaises(ValueError):
            self.env["customer.callback.attempt"].create(
                {"callback_id": callback.id, "result": "teleported"}
            )

    def test_settings_change_the_policy(self):
        self.company.write({"callback_declined_attempts": 1, "callback_hung_up_score": 2})
        callback = self.make_callback()
        self.log(callback, "declined", datetime(2026, 11, 23, 2, 0))
        self.assertEqual(callback.state, "declined")
        other = self.make_callback(self.partner_paris)
        self.log(other, "hung_up", datetime(2026, 11, 23, 9, 0))
        self.assertEqual(other.score, 2)
