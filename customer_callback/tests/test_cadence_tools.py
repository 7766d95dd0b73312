# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cadence arithmetic (pure logic)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import cadence
from .hypothesis_settings import REPEATABLE


@tagged("post_install", "-at_install")
class TestCadenceTools(BaseCase):
    def test_due_dates_and_occasion_lead(self):
        due = cadence.due_dates(date(2026, 11, 1), 3, 4)
        self.assertEqual((due.start, due.deadline), (date(2026, 11, 4), date(2026, 11, 8)))
        # 3-5 days before an occasion: offset -5, window 2
        due = cadence.due_dates(date(2027, 2, 6), -5, 2)
        self.assertEqual((due.start, due.deadline), (date(2027, 2, 1), date(2027, 2, 3)))

    def test_periods(self):
        self.assertEqual(cadence.period_key(date(2026, 11, 23), 3), "2026Q4")
        self.assertEqual(cadence.period_key(date(2026, 11, 23), 1), "2026M11")
        self.assertEqual(cadence.period_key(date(2026, 11, 23), 12), "2026Y")
        self.assertEqual(cadence.period_key(date(2026, 11, 23), 6), "2026P07")
        self.assertEqual(cadence.period_start(date(2026, 11, 23), 3), date(2026, 10, 1))
        self.assertEqual(cadence.period_end(date(2026, 11, 23), 3), date(2026, 12, 31))
        self.assertEqual(cadence.period_end(date(2026, 2, 10), 1), date(2026, 2, 28))

    def test_yearly_occurrences(self):
        self.assertEqual(
            cadence.next_yearly(date(1992, 2, 29), date(2027, 1, 5)), date(2027, 2, 28)
        )
        self.assertEqual(cadence.next_yearly(date(1990, 1, 2), date(2027, 1, 5)), date(2028, 1, 2))
        self.assertEqual(
            cadence.next_yearly(date(1990, 1, 2), date(2027, 1, 5), lookback_days=5),
            date(2027, 1, 2),
        )
        self.assertEqual(cadence.years_between(date(2025, 11, 24), date(2026, 11, 23)), 0)
        self.assertEqual(cadence.years_between(date(2025, 11, 23), date(2026, 11, 23)), 1)

    def test_spread_in_period_stays_inside_and_catches_up(self):
        start, end = date(2026, 10, 1), date(2026, 12, 31)
        anchors = {cadence.spread_in_period(pid, start, end, 0, 14, start) for pid in range(1, 500)}
        self.assertGreaterEqual(min(anchors), start)
        self.assertLessEqual(max(anchors) + timedelta(days=14), end)
        self.assertGreater(len(anchors), 30)  # spread, not all on day one
        late = cadence.spread_in_period(1, start, end, 0, 14, date(2026, 12, 30))
        self.assertEqual(late, date(2026, 12, 30))

    def test_fatigue_rolling_window(self):
        day = date(2026, 11, 23)
        existing = [day - timedelta(days=10), day - timedelta(days=3)]
        self.assertTrue(cadence.fatigue_allows(existing, day, 3, 30))
        self.assertFalse(cadence.fatigue_allows(existing, day, 2, 30))
        # outside the rolling window: allowed again
        self.assertTrue(
            cadence.fatigue_allows([day - timedelta(days=40), day - timedelta(days=31)], day, 2, 30)
        )
        self.assertTrue(cadence.fatigue_allows(existing * 10, day, 0, 30))  # 0 = no cap

    @REPEATABLE
    @given(
        st.lists(st.integers(min_value=0, max_value=120), max_size=25),
        st.integers(min_value=1, max_value=5),
        st.integers(min_value=1, max_value=40),
    )
    def test_property_fatigue_cap_never_exceeded(self, offsets, cap, period):
        base = date(2026, 1, 1)
        accepted = []
        for offset in offsets:
            day = base + timedelta(days=offset)
            if cadence.fatigue_allows(accepted, day, cap, period):
                accepted.append(day)
        for first in range(-period, 121):
            window_start = base + timedelta(days=first)
            window_end = window_start + timedelta(days=period - 1)
            self.assertLessEqual(sum(window_start <= d <= window_end for d in accepted), cap)

    def test_fatigue_first_call_day(self):
        day = date(2025, 1, 26)
        # issue #30: three contacts in the last 30 days, cap 3: not before the
        # oldest of them leaves the window
        contacts = [date(2025, 1, 2), date(2025, 1, 10), date(2025, 1, 20)]
        self.assertEqual(cadence.fatigue_first_call_day(contacts, day, 3, 30), date(2025, 2, 1))
        self.assertEqual(cadence.fatigue_first_call_day(contacts, day, 4, 30), day)
        self.assertEqual(cadence.fatigue_first_call_day(contacts, day, 0, 30), day)  # 0 = no cap
        # cap 2: the second most recent contact decides
        self.assertEqual(cadence.fatigue_first_call_day(contacts, day, 2, 30), date(2025, 2, 9))
        # contacts outside the window, or not made yet, do not count
        self.assertEqual(
            cadence.fatigue_first_call_day(contacts, date(2025, 3, 1), 3, 30), date(2025, 3, 1)
        )
        self.assertEqual(cadence.fatigue_first_call_day([date(2025, 2, 1)] * 5, day, 1, 30), day)

    @REPEATABLE
    @given(
        st.lists(st.integers(min_value=0, max_value=120), max_size=25),
        st.integers(min_value=1, max_value=5),
        st.integers(min_value=1, max_value=40),
    )
    def test_property_calls_on_their_first_day_keep_the_cap(self, offsets, cap, period):
        """Calls made on the first day the cap allows never exceed it, and no
        earlier day would have kept it."""
        base = date(2026, 1, 1)
        made = []
        for offset in sorted(offsets):
            # calls are made in time order
            wanted = max([base + timedelta(days=offset), *made[-1:]])
            first = cadence.fatigue_first_call_day(made, wanted, cap, period)
            self.assertGreaterEqual(first, wanted)
            if first > wanted:
                before = first - timedelta(days=1)
                self.assertGreaterEqual(
                    sum(before - timedelta(days=period) < d <= before for d in made), cap
                )
            made.append(first)
        for first in range(-period, 400):
            window_start = base + timedelta(days=first)
            window_end = window_start + timedelta(days=period - 1)
            self.assertLessEqual(sum(window_start <= d <= window_end for d in made), cap)
