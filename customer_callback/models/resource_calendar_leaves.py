# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    callback_official = fields.Boolean(
        string="From the official calendar",
        readonly=True,
        help="A public holiday loaded from the country's official schedule; replaced when "
        "the schedule is refreshed. Time off entered by hand is never changed by a refresh.",
    )

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
