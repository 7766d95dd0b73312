# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Months and quarters of the supervisors' dashboard and of the quarter-end
e-mail (pure functions)."""

from datetime import date

from babel.dates import format_skeleton

from . import quarters


def month_bounds(year, month):
    """First day of the month and first day of the next one."""
    if not 1 <= month <= 12:
        raise ValueError(month)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, 1), following


def previous_month(year, month):
    """The month before ``(year, month)``."""
    return (year - 1, 12) if month == 1 else (year, month - 1)


def last_months(year, month, count):
    """The ``count`` months up to ``(year, month)``, oldest first."""
    months = [(year, month)]
    while len(months) < count:
        months.append(previous_month(*months[-1]))
    return months[::-1]


def month_label(year, month):
    return f"{year}-{month:02d}"


def month_name(day, locale):
    """The month of ``day`` as a reader of ``locale`` (a babel locale or its
    code) writes a month: 2026年12月, December 2026, décembre 2026."""
    return format_skeleton("yMMMM", day, locale=locale)


def quarter_key(year, quarter):
    """A quarter as stored in a stamp: ``2026Q4``."""
    return f"{year}Q{quarter}"


def quarter_to_send(today, last_sent):
    """The quarter whose report the quarter-end e-mail sends on ``today``:
    the quarter before today's, unless ``last_sent`` (a :func:`quarter_key`
    or empty) already is that quarter or a later one. None when nothing is
    due."""
    due = quarters.previous(*quarters.quarter_of(today))
    if last_sent and last_sent >= quarter_key(*due):
        return None
    return due


def share(part, whole):
    """``part`` of ``whole`` in percent (one decimal); None when ``whole`` is 0."""
    if not whole:
        return None
    return round(100.0 * part / whole, 1)
