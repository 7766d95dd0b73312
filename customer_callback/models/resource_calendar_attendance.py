# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .calendar_days import clears_calendar_days


@clears_calendar_days
class ResourceCalendarAttendance(models.Model):
    _inherit = "resource.calendar.attendance"
