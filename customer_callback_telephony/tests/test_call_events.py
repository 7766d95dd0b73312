# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pure rules of tools/call_events.py."""

from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..tools import call_events as ce

T0 = datetime(2026, 11, 23, 2, 0)


def at(seconds):
    return T0.replace(second=seconds)


@tagged("post_install", "-at_install")
class TestCallEvents(BaseCase):
    def test_merge_keeps_earliest_ring_and_latest_hangup_in_any_order(self):
        ring = {"ring_date": at(1), "event_date": at(1)}
        answer = {"answer_date": at(5), "event_date": at(5)}
        end = {
            "hangup_date": at(50),
            "duration": 45,
            "hangup_side": "customer",
            "event_date": at(50),
        }
        for order in ((ring, answer, end), (end, answer, ring), (answer, end, ring, end, ring)):
            values = {}
            for event in order:
                values.update(ce.merge(values, event))
            self.assertEqual(values["ring_date"], at(1))
            self.assertEqual(values["answer_date"], at(5))
            self.assertEqual(values["hangup_date"], at(50))
            self.assertEqual(values["hangup_side"], "customer")
            self.assertEqual(values["event_date"], at(50))

    def test_merge_duplicate_changes_nothing(self):
        event = {"hangup_date": at(50), "provider_cause": "205", "event_date": at(50)}
        values = ce.merge({}, event)
        self.assertEqual(ce.merge(values, event), {})

    def test_merge_older_event_never_overwrites_newer_value(self):
        values = ce.merge({}, {"recording_url": "http://new", "event_date": at(50)})
        self.assertEqual(
            ce.merge(values, {"recording_url": "http://old", "event_date": at(10)}), {}
        )
        # but fills what is still empty
        self.assertEqual(
            ce.merge(values, {"keypad_press": "1", "event_date": at(10)}), {"keypad_press": "1"}
        )

    def test_outcome(self):
        self.assertEqual(ce.derive_outcome(None, True, "agent", 60, 10), ce.CONNECTED)
        self.assertEqual(ce.derive_outcome(None, False, None, 0, 10), ce.NO_ANSWER)
        # connected by cause but never answered: no answer
        self.assertEqual(ce.derive_outcome(ce.CONNECTED, False, None, 0, 10), ce.NO_ANSWER)
        # the customer hung up within the threshold: hang-up after connecting
        self.assertEqual(ce.derive_outcome(ce.CONNECTED, True, "customer", 4, 10), ce.HUNG_UP)
        self.assertEqual(ce.derive_outcome(ce.CONNECTED, True, "agent", 4, 10), ce.CONNECTED)
        self.assertEqual(ce.derive_outcome(ce.CONNECTED, True, "customer", 4, 0), ce.CONNECTED)
        self.assertEqual(
            ce.derive_outcome(ce.INVALID_NUMBER, False, None, 0, 10), ce.INVALID_NUMBER
        )

    def test_numbers(self):
        for number in ("+86 138-0013-8000", "008613800138000", "13800138000", "86 13800138000"):
            self.assertEqual(ce.normalize_number(number), "13800138000")
        self.assertEqual(ce.normalize_number(False), "")

    def test_keypad(self):
        self.assertEqual(ce.keypad_score("1"), 5)
        self.assertEqual(ce.keypad_score("5"), 1)
        self.assertEqual(ce.keypad_score("1", ce.KEYPAD_FIVE_BEST), 1)
        for press in ("0", "6", "#", "12", "", None, "١"):
            self.assertIsNone(ce.keypad_score(press))
        self.assertTrue(ce.needs_followup(2, 2))
        self.assertFalse(ce.needs_followup(3, 2))
        self.assertFalse(ce.needs_followup(1, 0))
