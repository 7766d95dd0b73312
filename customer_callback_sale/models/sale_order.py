# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        result = super().action_confirm()
        # New-customer and usage callbacks appear as soon as the order is
        # confirmed; the daily scheduled action catches anything missed.
        self.env["customer.callback.generator"].sudo()._generate_for_partners(
            self.partner_id.ids, triggers=("first_order", "order")
        )
        return result
