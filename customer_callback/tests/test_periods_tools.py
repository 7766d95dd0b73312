# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Months of the dashboard and the quarter-end e-mail's choice (pure logic)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import periods, quarters
from .hypothesis_settings import REPEATABLE


@tagged("post_install", "-at_install")
class TestPeriodsTools(BaseCase):
    def test_month_bounds_and_previous(self):
        self.assertEqual(periods.month_bounds(2026, 11), (date(2026, 11, 1), date(2026, 12, 1)))
        self.assertEqual(periods.month_bounds(2026, 12), (date(2026, 12, 1), date(2027, 1, 1)))
        self.assertEqual(periods.previous_month(2026, 1), (2025, 12))
        self.assertEqual(periods.previous_month(2026, 11), (2026, 10))
        self.assertEqual(periods.month_label(2026, 3), "2026-03")
        with self.assertRaises(ValueError):
            periods.month_bounds(2026, 13)

    def test_last_months_crosses_the_year(self):
        self.assertEqual(
            periods.last_months(2026, 2, 6),
            [
                (2025, 9),
                (2025, 10),
                (2025, 11),
                (2025, 12),
                (2026, 1),
                (2026, 2),
            ],
        )
        self.assertEqual(periods.last_months(2026, 2, 1), [(2026, 2)])

    def test_quarter_to_send_once_from_the_first_day(self):
        # the first run of the quarter sends the quarter before
        self.assertEqual(periods.quarter_to_send(date(2027, 1, 1), "2026Q3"), (2026, 4))
        # a run later in the quarter still sends it when the first run missed it
        self.assertEqual(periods.quarter_to_send(date(2027, 2, 14), "2026Q3"), (2026, 4))
        self.assertEqual(periods.quarter_to_send(date(2027, 1, 1), ""), (2026, 4))
        # never twice
        self.assertIsNone(periods.quarter_to_send(date(2027, 1, 2), "2026Q4"))
        self.assertIsNone(periods.quarter_to_send(date(2027, 3, 31), "2026Q4"))
        # the next quarter's first day
        self.assertEqual(periods.quarter_to_send(date(2027, 4, 1), "2026Q4"), (2027, 1))

    @REPEATABLE
    @given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
    def test_quarter_to_send_is_the_previous_quarter_once(self, today):
        due = periods.quarter_to_send(today, None)
        self.assertEqual(due, quarters.previous(*quarters.quarter_of(today)))
        first, following = quarters.bounds(*due)
        self.assertLessEqual(following, today)
        self.assertIsNone(periods.quarter_to_send(today, periods.quarter_key(*due)))

    def test_share(self):
        self.assertEqual(periods.share(1, 3), 33.3)
        self.assertIsNone(periods.share(0, 0))
        self.assertEqual(periods.share(5, 5), 100.0)
