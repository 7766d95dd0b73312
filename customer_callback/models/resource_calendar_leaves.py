# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .calendar_days import clears_calendar_days


@clears_calendar_days
class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    callback_official = fields.Boolean(
        string="From the official calendar",
        readonly=True,
        help="A public holiday loaded from the country's official schedule; replaced when "
        "the schedule is refreshed. Time off entered by hand is never changed by a refresh.",
    )
