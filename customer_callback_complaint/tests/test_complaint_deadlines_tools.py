# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaint deadlines and reminders (pure logic, SPEC §4–§5)."""

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from odoo.addons.customer_callback.tests.hypothesis_settings import REPEATABLE

from ..tools import complaint_deadlines as cd

START = datetime(2026, 11, 23, 2, 0)
HOUR = timedelta(hours=1)


def reminders(now, **kwargs):
    values = {
        "start": START,
        "pairs": [(START + 24 * HOUR, None)],
        "soon_hours": 2,
        "owner_interval": 24,
        "customer_interval": 12,
    }
    values.update(kwargs)
    return cd.plan_reminders(now, **values)


MINUTE = timedelta(minutes=1)


@tagged("post_install", "-at_install")
class TestComplaintDeadlinesTools(BaseCase):
    def test_calendar_deadlines_sop_numbers(self):
        deadlines = cd.compute_deadlines(START, 10 / 60, 2, 24)
        self.assertEqual(deadlines.first_response, START + timedelta(minutes=10))
        self.assertEqual(deadlines.response, START + 2 * HOUR)
        self.assertEqual(deadlines.resolution, START + 24 * HOUR)

    def test_planner_used_and_calendar_fallback(self):
        calls = []

        def plan(start, hours):
            calls.append(hours)
            return start + timedelta(days=hours)  # a fake "working time"

        deadlines = cd.compute_deadlines(START, 1, 2, 3, plan=plan)
        self.assertEqual(calls, [1, 2, 3])
        self.assertEqual(deadlines.resolution, START + timedelta(days=3))
        # a calendar that cannot place the hours: calendar time, never no deadline
        deadlines = cd.compute_deadlines(START, 1, 2, 3, plan=lambda s, h: False)
        self.assertEqual(deadlines.resolution, START + 3 * HOUR)

    def test_invalid_durations(self):
        good = dict.fromkeys(cd.DURATIONS, 1.0)
        self.assertEqual(cd.invalid_durations(good), [])
        self.assertEqual(cd.invalid_durations(dict(good, response_hours=0)), ["response_hours"])
        self.assertEqual(
            cd.invalid_durations(dict(good, owner_update_hours=-2)), ["owner_update_hours"]
        )
        self.assertEqual(cd.invalid_durations({}), list(cd.DURATIONS))

    def test_is_late(self):
        deadline = START + HOUR
        self.assertFalse(cd.is_late(deadline, START, START + 5 * HOUR))  # done in time
        self.assertTrue(cd.is_late(deadline, START + 2 * HOUR, START + 2 * HOUR))  # done late
        self.assertTrue(cd.is_late(deadline, None, START + 2 * HOUR))  # open past it
        self.assertFalse(cd.is_late(deadline, None, START))
        self.assertFalse(cd.is_late(None, None, START))

    def test_sla_state(self):
        pairs = [(START + HOUR, None), (START + 10 * HOUR, None)]
        self.assertEqual(cd.sla_state(START, pairs, 2), cd.SOON)
        self.assertEqual(cd.sla_state(START, pairs, 0.5), cd.ON_TRACK)
        self.assertEqual(cd.sla_state(START + 2 * HOUR, pairs, 2), cd.BREACHED)
        # first deadline met: only the second counts
        met = [(START + HOUR, START), (START + 10 * HOUR, None)]
        self.assertEqual(cd.sla_state(START + 2 * HOUR, met, 2), cd.ON_TRACK)
        self.assertIsNone(cd.sla_state(START, [(START, START)], 2))

    def test_nothing_due_at_start_next_check_is_the_customer_update(self):
        kinds, next_check = reminders(START)
        self.assertEqual(kinds, [])
        self.assertEqual(next_check, START + 12 * HOUR)

    def test_customer_update_then_idempotent(self):
        now = START + 12 * HOUR
        kinds, next_check = reminders(now)
        self.assertEqual(kinds, [cd.CUSTOMER_UPDATE])
        # reminded: nothing more until the next interval
        kinds, _next = reminders(now, customer_reminded=now)
        self.assertEqual(kinds, [])
        # interval passed again but the previous activity is still open
        later = now + 12 * HOUR + HOUR
        kinds, next_check = reminders(
            later, customer_reminded=now, open_kinds={cd.CUSTOMER_UPDATE}, owner_reminded=later
        )
        self.assertNotIn(cd.CUSTOMER_UPDATE, kinds)
        self.assertGreater(next_check, later)

    def test_deadline_near_and_breach_once_per_deadline(self):
        deadline = START + 24 * HOUR
        now = deadline - HOUR
        kinds, next_check = reminders(now, customer_reminded=now, owner_reminded=now)
        self.assertEqual(kinds, [cd.DEADLINE_NEAR])
        self.assertEqual(next_check, deadline + timedelta(seconds=1))
        kinds, _ = reminders(
            now, customer_reminded=now, owner_reminded=now, near_reminded_deadline=deadline
        )
        self.assertEqual(kinds, [])
        after = deadline + HOUR
        kinds, _ = reminders(after, customer_reminded=after, owner_reminded=after)
        self.assertEqual(kinds, [cd.BREACH])
        self.assertEqual(cd.breached_deadline(after, [(deadline, None)]), deadline)
        kinds, _ = reminders(
            after, customer_reminded=after, owner_reminded=after, breach_reminded_deadline=deadline
        )
        self.assertEqual(kinds, [])
        # a moved (re-graded) deadline is reminded again
        kinds, _ = reminders(
            after,
            customer_reminded=after,
            owner_reminded=after,
            breach_reminded_deadline=deadline - HOUR,
        )
        self.assertEqual(kinds, [cd.BREACH])

    @REPEATABLE
    @given(
        hours=st.lists(st.floats(min_value=0.01, max_value=500), min_size=3, max_size=3),
        offset=st.integers(min_value=0, max_value=1000),
    )
    def test_deadlines_after_start_and_ordered_like_their_durations(self, hours, offset):
        start = START + timedelta(minutes=offset)
        deadlines = cd.compute_deadlines(start, *hours)
        for deadline, value in zip(deadlines, hours, strict=True):
            self.assertTrue(deadline > start or value < 1 / 7200)
            self.assertLessEqual(abs((deadline - start).total_seconds() - value * 3600), 0.5)
        pairs = sorted(zip(hours, deadlines, strict=True))
        self.assertEqual([d for _h, d in pairs], sorted(deadlines))

    @REPEATABLE
    @given(
        elapsed=st.floats(min_value=0, max_value=200),
        owner=st.floats(min_value=0.5, max_value=48),
        customer=st.floats(min_value=0.5, max_value=48),
    )
    def test_second_run_at_the_same_time_plans_nothing(self, elapsed, owner, customer):
        """Applying what a run decided and running again at once creates nothing."""
        now = START + timedelta(hours=elapsed)
        pairs = [(START + 3 * HOUR, None), (START + 24 * HOUR, None)]
        args = {"pairs": pairs, "owner_interval": owner, "customer_interval": customer}
        kinds, next_check = reminders(now, **args)
        self.assertTrue(next_check is None or next_check > now)
        state = {
            "owner_reminded": now if cd.OWNER_UPDATE in kinds else None,
            "customer_reminded": now if cd.CUSTOMER_UPDATE in kinds else None,
            "near_reminded_deadline": cd.upcoming_deadline(now, pairs)
            if cd.DEADLINE_NEAR in kinds
            else None,
            "breach_reminded_deadline": cd.breached_deadline(now, pairs)
            if cd.BREACH in kinds
            else None,
        }
        again, _ = reminders(now, **args, **state)
        self.assertEqual(again, [])

    # ----------------------------------------------------------------------
    # Warning lead scaled with the deadline (issue #16 point 8)
    # ----------------------------------------------------------------------

    def test_warning_lead_scales_with_the_deadline_and_is_capped(self):
        first_response = START + 10 * MINUTE
        # 20 % of 10 minutes: 2 minutes, not the 2-hour absolute lead
        self.assertEqual(cd.warning_lead(START, first_response, 2, 20), 2 * MINUTE)
        # 20 % of 24 hours is 4.8 hours: capped by the absolute 2 hours
        self.assertEqual(cd.warning_lead(START, START + 24 * HOUR, 2, 20), 2 * HOUR)
        # no percentage, or no report time: the absolute lead alone
        self.assertEqual(cd.warning_lead(START, first_response, 2, 0), 2 * HOUR)
        self.assertEqual(cd.warning_lead(None, first_response, 2, 20), 2 * HOUR)
        # a deadline before its report (moved by hand) never warns after it
        self.assertEqual(cd.warning_lead(START, START - HOUR, 2, 20), timedelta(0))
        self.assertEqual(cd.warn_at(START, first_response, 2, 20), START + 8 * MINUTE)

    def test_ten_minute_first_response_is_not_breaching_soon_at_birth(self):
        pairs = [(START + 10 * MINUTE, None), (START + 8 * HOUR, None), (START + 24 * HOUR, None)]
        self.assertEqual(cd.sla_state(START, pairs, 2, start=START, soon_percent=20), cd.ON_TRACK)
        self.assertEqual(
            cd.sla_state(START + 7 * MINUTE, pairs, 2, start=START, soon_percent=20), cd.ON_TRACK
        )
        self.assertEqual(
            cd.sla_state(START + 8 * MINUTE, pairs, 2, start=START, soon_percent=20), cd.SOON
        )
        # without scaling it would be "breaching soon" at birth (the old behaviour)
        self.assertEqual(cd.sla_state(START, pairs, 2), cd.SOON)
        # first response met: the 8-hour response warns 1.6 hours before (20 %)
        met = [(START + 10 * MINUTE, START + MINUTE), *pairs[1:]]
        self.assertEqual(
            cd.sla_state(START + 6 * HOUR, met, 2, start=START, soon_percent=20), cd.ON_TRACK
        )
        self.assertEqual(
            cd.sla_state(START + 6.5 * HOUR, met, 2, start=START, soon_percent=20), cd.SOON
        )

    def test_deadline_near_reminder_uses_the_scaled_lead(self):
        first_response = START + 10 * MINUTE
        args = {"pairs": [(first_response, None)], "soon_percent": 20}
        kinds, next_check = reminders(START, **args)
        self.assertNotIn(cd.DEADLINE_NEAR, kinds)
        self.assertEqual(next_check, START + 8 * MINUTE)
        kinds, next_check = reminders(START + 8 * MINUTE, **args)
        self.assertEqual(kinds, [cd.DEADLINE_NEAR])
        self.assertEqual(next_check, first_response + timedelta(seconds=1))

    @REPEATABLE
    @given(
        hours=st.floats(min_value=0.01, max_value=500),
        soon=st.floats(min_value=0, max_value=48),
        percent=st.floats(min_value=0, max_value=100),
    )
    def test_warning_lead_never_exceeds_the_cap_nor_the_deadline(self, hours, soon, percent):
        deadline = START + cd.hours_delta(hours)
        lead = cd.warning_lead(START, deadline, soon, percent)
        self.assertTrue(timedelta(0) <= lead <= cd.hours_delta(soon))
        if percent:
            self.assertLessEqual(lead, (deadline - START) * (percent / 100) + timedelta(seconds=1))
