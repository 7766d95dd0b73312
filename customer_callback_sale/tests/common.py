# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase


class SaleCallbackCase(CallbackCase):
    """customer_callback's CallbackCase with a product and confirmed orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Water purifier", "list_price": 100}
        )

    @classmethod
    def make_order(cls, partner, days_ago=0):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [(0, 0, {"product_id": cls.product.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        if days_ago:
            order.date_order = FROZEN_NOW - timedelta(days=days_ago)
        return order
