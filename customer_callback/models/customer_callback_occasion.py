# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CustomerCallbackOccasion(models.Model):
    """A named care occasion (Spring Festival, Mid-Autumn…) with its date in
    each year: lunar festivals move, so every year has its own date."""

    _name = "customer.callback.occasion"
    _description = "Care Occasion"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    date_ids = fields.One2many("customer.callback.occasion.date", "occasion_id", string="Dates")
    next_date = fields.Date(compute="_compute_next_date")

    def _compute_next_date(self):
        today = fields.Date.context_today(self)
        for occasion in self:
            upcoming = occasion.date_ids.filtered(lambda d: d.date >= today)
            occasion.next_date = min(upcoming.mapped("date")) if upcoming else False
