# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .calendar_days import clears_calendar_days


@clears_calendar_days
class ResourceCalendarWorkday(models.Model):
    """A make-up workday (调休): a day off of the calendar's weekly pattern,
    a Saturday or Sunday, declared a working day. On such a day the calendar
    works the hours of its first working weekday, so working-time deadlines
    run and the working-day call windows apply."""

    _name = "resource.calendar.workday"
    _description = "Make-up Workday"
    _order = "date"

    name = fields.Char(string="Reason", help="The holiday this day makes up for.")
    calendar_id = fields.Many2one(
        "resource.calendar", string="Working Time", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="calendar_id.company_id", store=True)
    date = fields.Date(required=True)
    official = fields.Boolean(
        string="From the official calendar",
        readonly=True,
        help="Loaded from the country's official schedule; replaced when the schedule is "
        "refreshed. Days entered by hand are never changed by a refresh.",
    )

    _calendar_date_unique = models.UniqueIndex(
        "(calendar_id, date)", "This working time already has this make-up workday."
    )

    @api.depends("date", "name")
    def _compute_display_name(self):
        for workday in self:
            date = fields.Date.to_string(workday.date) if workday.date else ""
            workday.display_name = f"{date} {workday.name}" if workday.name else date
