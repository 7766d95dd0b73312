# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quarters of the quarterly care analysis (pure logic)."""

from datetime import date

import pytest

from odoo.addons.customer_callback.tools import quarters


def test_quarter_of_and_bounds():
    assert quarters.quarter_of(date(2026, 12, 1)) == (2026, 4)
    assert quarters.quarter_of(date(2026, 4, 1)) == (2026, 2)
    assert quarters.bounds(2026, 4) == (date(2026, 10, 1), date(2027, 1, 1))
    assert quarters.bounds(2026, 1) == (date(2026, 1, 1), date(2026, 4, 1))
    with pytest.raises(ValueError):
        quarters.bounds(2026, 5)


def test_previous_quarter_and_change():
    assert quarters.previous(2026, 1) == (2025, 4)
    assert quarters.previous(2026, 3) == (2026, 2)
    assert quarters.label(2026, 4) == "2026 Q4"
    assert quarters.change(80.0, 72.5) == 7.5
    assert quarters.change(None, 3) is None
