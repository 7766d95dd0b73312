# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quarters of the quarterly care analysis (pure functions)."""

from datetime import date


def quarter_of(day):
    """(year, quarter 1-4) of ``day``."""
    return day.year, (day.month - 1) // 3 + 1


def bounds(year, quarter):
    """First day of the quarter and first day of the next one."""
    if not 1 <= quarter <= 4:
        raise ValueError(quarter)
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, following


def previous(year, quarter):
    """The quarter before ``(year, quarter)``."""
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def label(year, quarter):
    return f"{year} Q{quarter}"


def change(current, before):
    """The difference with the previous quarter; None when either is unknown."""
    if current is None or before is None:
        return None
    return round(current - before, 2)
