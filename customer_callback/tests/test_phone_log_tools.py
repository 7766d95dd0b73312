# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phone callback attempts in the sales phone-call log (pure)."""

from odoo.tests import BaseCase, tagged

from ..tools import attempt_policy, phone_log


@tagged("post_install", "-at_install")
class TestPhoneLogTools(BaseCase):
    def test_only_phone_attempts_are_phone_calls(self):
        self.assertTrue(phone_log.is_phone_call("phone"))
        for channel in ("sms", "email", "im", "visit", "video", "survey"):
            self.assertFalse(phone_log.is_phone_call(channel), channel)

    def test_reached_calls_are_held_the_others_cancelled(self):
        for result in ("connected", "hung_up", "declined", "message_sent"):
            self.assertEqual(phone_log.phonecall_state(result), phone_log.HELD, result)
        for result in ("no_answer", "busy", "switched_off"):
            self.assertEqual(phone_log.phonecall_state(result), phone_log.NOT_HELD, result)

    def test_not_held_exactly_when_the_attempt_policy_counts_unreachable(self):
        for result in attempt_policy.RESULTS:
            held = phone_log.phonecall_state(result) == phone_log.HELD
            self.assertEqual(held, result not in attempt_policy.UNREACHABLE_RESULTS, result)
