# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from pytz import timezone

from odoo import fields, models
from odoo.fields import Domain
from odoo.tools.date_utils import float_to_time
from odoo.tools.intervals import Intervals

from .calendar_days import clears_calendar_days


@clears_calendar_days
class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    workday_ids = fields.One2many(
        "resource.calendar.workday", "calendar_id", string="Make-up workdays"
    )

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """Add the make-up workdays to the weekly pattern: on such a day the
        calendar works the hours of its first working weekday. What Odoo
        builds on attendances sees them as working days: ``plan_hours``
        (working-time deadlines), ``_get_unusual_days`` (the date picker, the
        suite's holiday checker) and the work-hours counts; public holidays
        are still taken off afterwards by ``_work_intervals_batch``.

        A private method of ``resource``, overridden on purpose (issue #31):
        Odoo's attendances are weekly (or two-weekly) and its only dated
        records, leaves, take time off; nothing public adds working time on
        a date. Not a matter of speed: without it a make-up Saturday is a
        day off for every planner."""
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        if self.flexible_hours or self.two_weeks_calendar:
            return result
        low, high = start_dt.date() - timedelta(days=1), end_dt.date() + timedelta(days=1)
        workdays = self.workday_ids.filtered(lambda w: low <= w.date <= high)
        if not workdays:
            return result
        attendances = self.env["resource.calendar.attendance"].search(
            Domain.AND(
                [
                    Domain(domain or Domain.TRUE),
                    Domain("calendar_id", "=", self.id),
                    Domain("display_type", "=", False),
                    Domain("day_period", "!=" if not lunch else "=", "lunch"),
                ]
            )
        )
        weekly = {int(attendance.dayofweek) for attendance in attendances}
        if not weekly:
            return result
        pattern = attendances.filtered(lambda a: int(a.dayofweek) == min(weekly))
        days = [w.date for w in workdays if w.date.weekday() not in weekly]
        Resource = self.env["resource.resource"]
        for resource_id, intervals in result.items():
            resource = Resource.browse(resource_id)
            if resource and (not resource.calendar_id or resource.calendar_id.flexible_hours):
                continue
            zone = tz or timezone((resource or self).tz)
            begin, end = start_dt.astimezone(zone), end_dt.astimezone(zone)
            added = []
            for day in days:
                for attendance in pattern:
                    start = zone.localize(
                        datetime.combine(day, float_to_time(attendance.hour_from))
                    )
                    stop = zone.localize(datetime.combine(day, float_to_time(attendance.hour_to)))
                    start, stop = max(start, begin), min(stop, end)
                    if start < stop:
                        added.append((start, stop, attendance))
            if added:
                result[resource_id] = Intervals(list(intervals) + added, keep_distinct=True)
        return result
