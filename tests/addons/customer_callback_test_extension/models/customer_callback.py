# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a customer's own addon typically adds to callbacks: a required field
with a default, a ``create()`` override and a stored computed field. Every
way the suite creates callbacks must honour all three."""

from odoo import api, fields, models


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    x_test_region = fields.Char(string="Region (test)", required=True, default="north")
    x_test_stamp = fields.Char(string="Stamp (test)", readonly=True)
    x_test_label = fields.Char(string="Label (test)", compute="_compute_x_test_label", store=True)

    @api.depends("name", "partner_id.name")
    def _compute_x_test_label(self):
        for callback in self:
            callback.x_test_label = f"{callback.name}/{callback.partner_id.name}"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["x_test_stamp"] = f"stamped:{vals.get('segment') or 'other'}"
        return super().create(vals_list)
