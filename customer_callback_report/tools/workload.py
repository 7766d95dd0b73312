# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The periods of the team workload (today, this week) in the reader's
timezone, as naive UTC bounds. Plain Python."""

from collections import namedtuple
from datetime import datetime, time, timedelta

from odoo.addons.customer_callback.tools.call_window import get_zone, to_local, to_utc_naive

Periods = namedtuple("Periods", "today day_start day_end week_start week_end")


def periods(now, tz_name):
    """Today (the reader's local date) and the UTC bounds ``[start, end)`` of
    the reader's local day and week (Monday to Sunday) around ``now``
    (naive UTC)."""
    zone = get_zone(tz_name)
    today = to_local(now, zone).date()
    monday = today - timedelta(days=today.weekday())

    def start_of(day):
        return to_utc_naive(datetime.combine(day, time.min, tzinfo=zone))

    return Periods(
        today=today,
        day_start=start_of(today),
        day_end=start_of(today + timedelta(days=1)),
        week_start=start_of(monday),
        week_end=start_of(monday + timedelta(days=7)),
    )
