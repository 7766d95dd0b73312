# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaint deadline arithmetic (SPEC §4–§5, seed 001 §4.2). Plain Python.

A complaint grade gives three deadlines counted from the customer's report
(first response, response, resolution) and two reminder intervals (owner
status update, customer update). All datetimes are naive UTC.

In calendar-time mode the deadlines are plain additions; in working-time
mode the caller passes ``plan(start, hours)`` (the company's resource
calendar) and this module only decides what to ask it.
"""

from collections import namedtuple
from datetime import timedelta

Deadlines = namedtuple("Deadlines", "first_response response resolution")

# Grade durations (hours) that must be positive and non-zero.
DURATIONS = (
    "first_response_hours",
    "response_hours",
    "resolution_hours",
    "customer_update_hours",
    "owner_update_hours",
)

ON_TRACK = "on_track"
SOON = "soon"
BREACHED = "breached"

# Reminder kinds (one activity type each).
OWNER_UPDATE = "owner_update"
CUSTOMER_UPDATE = "customer_update"
DEADLINE_NEAR = "deadline_near"
BREACH = "breach"
KINDS = (OWNER_UPDATE, CUSTOMER_UPDATE, DEADLINE_NEAR, BREACH)


def hours_delta(hours):
    """``hours`` as a timedelta rounded to the second (10 minutes is 1/6 h,
    not exact as a float)."""
    return timedelta(seconds=round(hours * 3600))


def invalid_durations(durations):
    """Names of the durations that are missing, zero or negative.

    ``durations``: mapping name -> hours."""
    return [name for name in DURATIONS if not durations.get(name) or durations[name] <= 0]


def compute_deadlines(start, first_response_hours, response_hours, resolution_hours, plan=None):
    """The three deadlines of a complaint reported at ``start``.

    ``plan(start, hours)`` returns the moment ``hours`` working hours after
    ``start``; without it calendar time is used. When the planner cannot
    place the hours (a calendar without attendances returns False) the
    deadline falls back to calendar time: a complaint never lacks one.
    """

    def one(hours):
        if plan:
            planned = plan(start, hours)
            if planned:
                return planned
        return start + hours_delta(hours)

    return Deadlines(one(first_response_hours), one(response_hours), one(resolution_hours))


def is_late(deadline, done_at, now):
    """Done after the deadline, or not done and the deadline has passed."""
    if not deadline:
        return False
    if done_at:
        return done_at > deadline
    return now > deadline


def next_open_deadline(pairs):
    """The earliest deadline not met yet, or None.

    ``pairs``: iterable of (deadline, done_at)."""
    open_deadlines = [deadline for deadline, done_at in pairs if deadline and not done_at]
    return min(open_deadlines) if open_deadlines else None


def breached_deadline(now, pairs):
    """The latest unmet deadline already passed (what a breach escalates), or None."""
    passed = [
        deadline for deadline, done_at in pairs if deadline and not done_at and deadline < now
    ]
    return max(passed) if passed else None


def upcoming_deadline(now, pairs):
    """The earliest unmet deadline not passed yet, or None."""
    upcoming = [
        deadline for deadline, done_at in pairs if deadline and not done_at and deadline >= now
    ]
    return min(upcoming) if upcoming else None


def warning_lead(start, deadline, soon_hours, soon_percent=0.0):
    """How long before ``deadline`` its "breaching soon" warning starts.

    The lead scales with the deadline it warns about: ``soon_percent`` % of
    the time from ``start`` (the report) to the deadline, capped by the
    absolute lead ``soon_hours``. A 10-minute first response with 20 % warns
    2 minutes before, not 2 hours (it would be "breaching soon" at birth); a
    24-hour resolution warns 2 hours before. Without ``start`` or with
    ``soon_percent`` 0 the absolute lead applies alone."""
    lead = hours_delta(soon_hours)
    if start and deadline and soon_percent and soon_percent > 0:
        duration = max(deadline - start, timedelta(0))
        scaled = timedelta(seconds=round(duration.total_seconds() * soon_percent / 100.0))
        lead = min(lead, scaled)
    return max(lead, timedelta(0))


def warn_at(start, deadline, soon_hours, soon_percent=0.0):
    """The moment the warning of ``deadline`` starts."""
    return deadline - warning_lead(start, deadline, soon_hours, soon_percent)


def sla_state(now, pairs, soon_hours, start=None, soon_percent=0.0):
    """BREACHED when an unmet deadline has passed, SOON when one has entered
    its warning lead (``warning_lead``), ON_TRACK otherwise, None without
    open deadline."""
    unmet = [deadline for deadline, done_at in pairs if deadline and not done_at]
    if not unmet:
        return None
    if min(unmet) < now:
        return BREACHED
    if any(now >= warn_at(start, deadline, soon_hours, soon_percent) for deadline in unmet):
        return SOON
    return ON_TRACK


def plan_reminders(
    now,
    *,
    start,
    pairs,
    soon_hours,
    owner_interval,
    soon_percent=0.0,
    customer_interval,
    last_owner_update=None,
    last_customer_update=None,
    owner_reminded=None,
    customer_reminded=None,
    near_reminded_deadline=None,
    breach_reminded_deadline=None,
    open_kinds=(),
):
    """What to remind about now, and when to look at the complaint again.

    Returns ``(kinds, next_check)``: the reminder kinds due now (never one
    whose previous activity is still open: ``open_kinds``) and the earliest
    moment something may become due (None: nothing left to watch).

    - owner update: ``owner_interval`` hours after the latest of the report,
      the owner's last update and the last reminder;
    - customer update: the same with ``customer_interval``;
    - deadline near: the next unmet deadline has entered its warning lead
      (``soon_hours`` capped, scaled by ``soon_percent`` of its duration:
      ``warning_lead``), once per deadline value (a moved deadline is
      reminded again);
    - breach: an unmet deadline has passed, once per (latest) breached deadline.
    """
    kinds = []
    checks = []
    open_kinds = set(open_kinds)

    def interval_due(kind, interval, last_update, reminded):
        due = max(m for m in (start, last_update, reminded) if m) + hours_delta(interval)
        if now >= due:
            if kind in open_kinds:
                # the previous reminder is still open: look again one interval later
                checks.append(now + hours_delta(interval))
            else:
                kinds.append(kind)
                checks.append(now + hours_delta(interval))
        else:
            checks.append(due)

    interval_due(OWNER_UPDATE, owner_interval, last_owner_update, owner_reminded)
    interval_due(CUSTOMER_UPDATE, customer_interval, last_customer_update, customer_reminded)

    latest_breach = breached_deadline(now, pairs)
    if latest_breach and breach_reminded_deadline != latest_breach:
        if BREACH in open_kinds:
            # the previous escalation is still open: look again after the warning period
            checks.append(now + hours_delta(soon_hours or customer_interval))
        else:
            kinds.append(BREACH)
    deadline = upcoming_deadline(now, pairs)
    if deadline:
        warn_moment = warn_at(start, deadline, soon_hours, soon_percent)
        if now >= warn_moment:
            if near_reminded_deadline != deadline and DEADLINE_NEAR not in open_kinds:
                kinds.append(DEADLINE_NEAR)
            checks.append(deadline + timedelta(seconds=1))
        else:
            checks.append(warn_moment)
    return kinds, (min(checks) if checks else None)
