# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# A command-line script, not addon code: it prints its report.
# pylint: disable=print-used
"""The moments CI tries besides the real one (issue #27).

Printed one per line as ``label|moment`` (a moment ``date -d`` and
``bin/test-at`` read, with its UTC offset), derived from the day of the run:

- ``first``: the next 1st of a month at 00:30 in Shanghai (still the
  previous day in UTC);
- ``last``: the last day of the current month at 23:30 in Shanghai;
- ``utc_midnight``: the last day of the current month at 23:30 UTC, when
  the scheduled actions' day (their user, the superuser, lives in
  Europe/Brussels in Odoo's data) and Shanghai's are already the 1st of the
  next month, UTC's not yet: a test that takes UTC's day for the scheduled
  action's fails there (CI found two, on 7 December 2026 at 23:50 UTC);
- ``rotating``: one of the calendar's edges, a different one each day,
  rotating through the year with the day of the year.

``python3 .ci/moments.py [YYYY-MM-DD]`` (default: today in Shanghai).
"""

import calendar
import sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = ZoneInfo("UTC")
# The edges of the calendar the suite's periods, windows and samples meet.
# Years with China's official calendar published (chinese-calendar) where a
# holiday matters.
EDGES = (
    ("2026-02-14 17:30", "the last working day before Spring Festival (a make-up Saturday)"),
    ("2026-02-17 10:00", "inside the Spring Festival holiday (15-23 February 2026)"),
    ("2026-09-20 10:00", "a Sunday that is an official make-up workday (National Day 2026)"),
    ("2026-09-27 11:00", "the Mid-Autumn festival, a Sunday off"),
    ("2026-10-01 00:30", "a quarter's first day (and National Day), still 30 September in UTC"),
    ("2026-07-01 09:00", "a quarter's first day, a working day"),
    ("2026-11-27 16:00", "the 27th: the monthly spot-check list is due"),
    ("2026-12-31 23:30", "the last half hour of the year"),
    ("2027-03-01 00:30", "the 1st of a month, still the last day of February in UTC"),
    ("2027-04-30 23:30", "the last day of a month, 15:30 UTC"),
    ("2028-02-29 12:00", "a leap day"),
    ("2027-01-04 08:30", "a Monday morning in a year China's calendar is not published for"),
)


def _moment(local):
    return local.replace(tzinfo=SHANGHAI).strftime("%Y-%m-%d %H:%M %z")


def moments(today):
    """[(label, moment, why)] for the day ``today`` (a date in Shanghai)."""
    next_first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    last_day = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    edge, why = EDGES[today.timetuple().tm_yday % len(EDGES)]
    return [
        (
            "first",
            _moment(datetime.combine(next_first, datetime.min.time()).replace(minute=30)),
            "the next 1st of a month at 00:30 in Shanghai",
        ),
        (
            "last",
            _moment(datetime.combine(last_day, datetime.min.time()).replace(hour=23, minute=30)),
            "the last day of this month at 23:30 in Shanghai",
        ),
        (
            "utc_midnight",
            datetime.combine(last_day, datetime.min.time())
            .replace(hour=23, minute=30, tzinfo=UTC)
            .strftime("%Y-%m-%d %H:%M %z"),
            "the last day of this month at 23:30 UTC, already the 1st in Brussels and Shanghai",
        ),
        ("rotating", _moment(datetime.strptime(edge, "%Y-%m-%d %H:%M")), why),
    ]


def main(argv):
    today = date.fromisoformat(argv[1]) if len(argv) > 1 else datetime.now(SHANGHAI).date()
    for label, moment, why in moments(today):
        print(f"{label}|{moment}|{why}")


if __name__ == "__main__":
    main(sys.argv)
