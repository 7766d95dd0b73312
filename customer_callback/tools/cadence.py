# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cadence arithmetic (SPEC §1). Pure functions, no ORM.

A rule turns a trigger date (the *anchor*: an order date, the day a callback
was done, a birthday…) into a callback that may be made from
``anchor + offset_days`` until ``anchor + offset_days + window_days``
(the deadline). Occasions use a negative offset: "3–5 days before" is
``offset_days=-5, window_days=2``.

Every callback generated from a rule carries a *period key*: the same
partner, rule and key never get two callbacks (a unique index enforces it).
"""

import calendar
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Due:
    start: date
    deadline: date


def due_dates(anchor: date, offset_days: int, window_days: int) -> Due:
    start = anchor + timedelta(days=offset_days)
    return Due(start, start + timedelta(days=max(window_days, 0)))


def is_open(due: Due, today: date) -> bool:
    """A callback is still worth creating while its deadline is not past."""
    return due.deadline >= today


def period_start(day: date, months: int) -> date:
    """First day of the ``months``-long period (aligned on January) of ``day``."""
    months = max(int(months), 1)
    index = (day.month - 1) // months * months
    return date(day.year, index + 1, 1)


def period_end(day: date, months: int) -> date:
    start = period_start(day, months)
    month_index = start.month - 1 + max(int(months), 1)
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, 1) - timedelta(days=1)


def period_key(day: date, months: int) -> str:
    """Stable key of the period: ``2026Q4`` for quarters, ``2026M11`` for
    months, ``2026P07`` (start month) for other lengths, ``2026Y`` for years."""
    months = max(int(months), 1)
    start = period_start(day, months)
    if months == 3:
        return f"{start.year}Q{(start.month - 1) // 3 + 1}"
    if months == 1:
        return f"{start.year}M{start.month:02d}"
    if months == 12:
        return f"{start.year}Y"
    return f"{start.year}P{start.month:02d}"


def same_day_in_year(day: date, year: int) -> date:
    """``day`` moved to ``year``; 29 February becomes 28 February."""
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


def next_yearly(day: date, today: date, lookback_days: int = 0) -> date:
    """The occurrence of a yearly date (birthday, anniversary) that is still
    ahead of ``today - lookback_days``."""
    floor = today - timedelta(days=max(lookback_days, 0))
    occurrence = same_day_in_year(day, floor.year)
    if occurrence < floor:
        occurrence = same_day_in_year(day, floor.year + 1)
    return occurrence


def years_between(first: date, later: date) -> int:
    years = later.year - first.year
    if (later.month, later.day) < (first.month, first.day):
        years -= 1
    return years


def spread_in_period(partner_id, start, end, offset_days, window_days, today):
    """Anchor of a recurring callback inside its period.

    Customers are spread evenly (by id) over the period so that a quarterly
    rule does not put every customer on the first day of the quarter. When
    the customer's day has already passed without a callback (the rule is
    new, or the customer just qualified), the callback is due today.
    """
    window_days = max(window_days, 0)
    span = max(1, (end - start).days + 1 - window_days - max(offset_days, 0))
    anchor = start + timedelta(days=(partner_id * 7919) % span)
    if anchor + timedelta(days=offset_days + window_days) < today:
        anchor = today - timedelta(days=offset_days)
    return anchor


# Segments of callbacks that never count toward the contact-fatigue cap:
# the call the customer asked for himself. Addons add theirs through
# ``customer.callback._fatigue_free_segments()`` (customer_callback_spot_check:
# the service spot-check, quality control with its own cap of twice in 12
# months, 002 §9).
FATIGUE_FREE_SEGMENTS = ("customer_request",)


def counts_toward_fatigue(segment, rule_ignores_fatigue=False, free_segments=FATIGUE_FREE_SEGMENTS):
    """Does a callback count toward its customer's contact-fatigue cap?

    The one definition (issue #30) the planner, the call itself, *My
    workday* and the scheduled postponement share: every callback counts
    (planned by a rule, by another creator or by a user by hand) except the
    callbacks of a segment of ``free_segments`` (a call the customer asked
    for himself; with customer_callback_spot_check a service spot-check) and
    the callbacks of a rule that ignores fatigue (the SOP demands the call).
    A callback that counts is also the one held back at the moment of its
    call; whether a creator may plan beyond the cap is the creator's
    decision (``fatigue_exempt``), not this one."""
    return segment not in free_segments and not rule_ignores_fatigue


def fatigue_allows(existing_days, day, cap, period_days):
    """Contact fatigue: may a customer get one more callback on ``day``?

    ``existing_days``: days of the customer's other callbacks. True when every
    rolling window of ``period_days`` days containing ``day`` holds fewer than
    ``cap`` of them. ``cap`` 0 means no limit.
    """
    if not cap:
        return True
    period_days = max(int(period_days), 1)
    days = sorted(existing_days)
    near = bisect_right(days, day + timedelta(days=period_days - 1)) - bisect_left(
        days, day - timedelta(days=period_days - 1)
    )
    if near < cap:
        return True
    for shift in range(period_days):
        window_start = day - timedelta(days=shift)
        window_end = window_start + timedelta(days=period_days - 1)
        inside = bisect_right(days, window_end) - bisect_left(days, window_start)
        if inside >= cap:
            return False
    return True


def fatigue_first_allowed_day(existing_days, first, last, cap, period_days):
    """The first day in [``first``, ``last``] on which the planner's cap
    (``fatigue_allows``) accepts one more callback, or None when none does:
    a callback with a deadline refused on every day up to it will not be
    made in time (issue #30: the refusal is then recorded, never silent)."""
    day = first
    while day <= last:
        if fatigue_allows(existing_days, day, cap, period_days):
            return day
        day += timedelta(days=1)
    return None


def fatigue_first_call_day(contact_days, day, cap, period_days):
    """Contact fatigue at the moment of the call: the first day from ``day``
    on which one more contact keeps the customer within ``cap`` contacts in
    the trailing ``period_days`` days.

    ``contact_days``: the days the customer was contacted (the first attempt
    of each of his other callbacks); days after ``day`` are not contacts yet
    and are ignored. Returns ``day`` when the call may be made on it. ``cap``
    0 means no limit.
    """
    if not cap:
        return day
    period_days = max(int(period_days), 1)
    recent = sorted((d for d in contact_days if d <= day), reverse=True)
    if len(recent) < cap:
        return day
    # the window ending on the call day must hold at most cap - 1 of them:
    # the cap-th most recent contact must have left it
    return max(day, recent[cap - 1] + timedelta(days=period_days))
