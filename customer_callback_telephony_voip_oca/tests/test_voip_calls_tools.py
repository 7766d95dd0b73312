# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pure mapping of tools/voip_calls.py."""

from datetime import datetime, timedelta

from odoo.tests import BaseCase, tagged

from ..tools import voip_calls

T0 = datetime(2026, 11, 23, 2, 0)


def at(seconds):
    return T0 + timedelta(seconds=seconds)


@tagged("post_install", "-at_install")
class TestVoipCallEvents(BaseCase):
    def test_dialling_rings(self):
        event = voip_calls.call_event(
            "calling", "outgoing", "13800138000", at(0), None, None, at(1)
        )
        self.assertEqual(
            event,
            {
                "direction": "outbound",
                "callee_number": "13800138000",
                "ring_date": at(0),
                "event_date": at(1),
            },
        )

    def test_answered_then_hung_up(self):
        event = voip_calls.call_event("ongoing", "outgoing", "1", at(0), at(8), None, at(9))
        self.assertEqual(event["answer_date"], at(8))
        self.assertNotIn("hangup_date", event)
        event = voip_calls.call_event("terminated", "outgoing", "1", at(0), at(8), at(128), at(129))
        self.assertEqual(
            (event["answer_date"], event["hangup_date"], event["duration"]),
            (at(8), at(128), 120),
        )
        self.assertEqual(event["provider_cause"], "terminated")

    def test_ended_without_answer(self):
        for state in ("rejected", "missed", "aborted", "terminated"):
            event = voip_calls.call_event(state, "outgoing", "1", at(0), None, at(30), at(31))
            self.assertEqual(
                (event["provider_cause"], event["hangup_date"], event["duration"]),
                (state, at(30), 0),
            )
            self.assertNotIn("answer_date", event)

    def test_a_missed_call_with_a_start_date_was_not_answered(self):
        # voip_oca's demo data gives its missed call a start date
        event = voip_calls.call_event("missed", "incoming", "1", at(0), at(5), at(60), at(61))
        self.assertNotIn("answer_date", event)
        self.assertEqual(event["duration"], 0)

    def test_incoming_call_names_the_caller(self):
        event = voip_calls.call_event(
            "calling", "incoming", "13800138000", at(0), None, None, at(0)
        )
        self.assertEqual(event["direction"], "inbound")
        self.assertEqual(event["caller_number"], "13800138000")
        self.assertNotIn("callee_number", event)

    def test_end_without_end_date_is_now(self):
        event = voip_calls.call_event("terminated", "outgoing", "1", at(0), at(5), None, at(65))
        self.assertEqual((event["hangup_date"], event["duration"]), (at(65), 60))
