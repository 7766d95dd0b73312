# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Months of the dashboard and the quarter-end e-mail's choice (pure logic)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.customer_callback.tools import periods, quarters


def test_month_bounds_and_previous():
    assert periods.month_bounds(2026, 11) == (date(2026, 11, 1), date(2026, 12, 1))
    assert periods.month_bounds(2026, 12) == (date(2026, 12, 1), date(2027, 1, 1))
    assert periods.previous_month(2026, 1) == (2025, 12)
    assert periods.previous_month(2026, 11) == (2026, 10)
    assert periods.month_label(2026, 3) == "2026-03"
    with pytest.raises(ValueError):
        periods.month_bounds(2026, 13)


def test_last_months_crosses_the_year():
    assert periods.last_months(2026, 2, 6) == [
        (2025, 9),
        (2025, 10),
        (2025, 11),
        (2025, 12),
        (2026, 1),
        (2026, 2),
    ]
    assert periods.last_months(2026, 2, 1) == [(2026, 2)]


def test_quarter_to_send_once_from_the_first_day():
    # the first run of the quarter sends the quarter before
    assert periods.quarter_to_send(date(2027, 1, 1), "2026Q3") == (2026, 4)
    # a run later in the quarter still sends it when the first run missed it
    assert periods.quarter_to_send(date(2027, 2, 14), "2026Q3") == (2026, 4)
    assert periods.quarter_to_send(date(2027, 1, 1), "") == (2026, 4)
    # never twice
    assert periods.quarter_to_send(date(2027, 1, 2), "2026Q4") is None
    assert periods.quarter_to_send(date(2027, 3, 31), "2026Q4") is None
    # the next quarter's first day
    assert periods.quarter_to_send(date(2027, 4, 1), "2026Q4") == (2027, 1)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_quarter_to_send_is_the_previous_quarter_once(today):
    due = periods.quarter_to_send(today, None)
    assert due == quarters.previous(*quarters.quarter_of(today))
    first, following = quarters.bounds(*due)
    assert following <= today
    assert periods.quarter_to_send(today, periods.quarter_key(*due)) is None


def test_share():
    assert periods.share(1, 3) == 33.3
    assert periods.share(0, 0) is None
    assert periods.share(5, 5) == 100.0
