# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


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

    # the holiday checker's days of this transaction are stale after a change
    # (res.company._callback_calendar_days)
    @api.model_create_multi
    def create(self, vals_list):
        self.env["res.company"]._callback_clear_calendar_days()
        return super().create(vals_list)

    def write(self, vals):
        self.env["res.company"]._callback_clear_calendar_days()
        return super().write(vals)

    def unlink(self):
        self.env["res.company"]._callback_clear_calendar_days()
        return super().unlink()
