# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.depends("sale_order_ids.state", "sale_order_ids.date_order")
    def _compute_order_dates(self):
        return super()._compute_order_dates()

    def _callback_purchase_dates(self):
        """The first and last confirmed sales order of each customer, merged
        with what other addons know."""
        dates = super()._callback_purchase_dates()
        rows = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self._origin.ids), ("state", "=", "sale")],
                ["partner_id"],
                ["date_order:min", "date_order:max"],
            )
        )
        for partner, first, last in rows:
            first, last = first and first.date(), last and last.date()
            known_first, known_last = dates.get(partner.id, (False, False))
            dates[partner.id] = (
                min(filter(None, (first, known_first)), default=False),
                max(filter(None, (last, known_last)), default=False),
            )
        return dates
