# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sample data's order (moved from customer_callback's test_sample_data.py
with the order triggers): its confirmation runs the generation through the
company's first-order rule, it takes no number of the sales sequence, and the
removal takes it with the sample."""

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.customer_callback.tools import sample_data

from .common import SaleCallbackCase


@tagged("post_install", "-at_install")
class TestSampleDataOrder(SaleCallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the sample order's confirmation generates through the company's rules
        cls.first_order_rule = cls.make_rule(
            segment="new_customer", trigger="first_order", offset_days=0
        )
        cls.Sample = cls.env["customer.callback.sample"].with_user(cls.supervisor)

    def sample_orders(self):
        return self.env["sale.order"].search([("name", "=like", "SAMPLE-%")])

    def test_the_order_runs_the_generation_and_leaves_with_the_sample(self):
        self.Sample.action_load_sample_data()
        order = self.sample_orders()
        self.assertEqual(len(order), 1, "the sample order takes no number of the sales sequence")
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.company_id, self.company)
        customer = order.partner_id
        self.assertEqual(customer.name, sample_data.CUSTOMERS[sample_data.TRIGGER_CUSTOMER][0])
        self.assertTrue(customer.first_purchase_date, "the customer's purchase dates follow")
        # the order's confirmation ran the generation (the first-order rule)
        generated = self.callbacks_of(customer, self.first_order_rule)
        self.assertEqual(len(generated), 1)
        self.assertEqual(generated.sale_order_id, order)
        self.assertTrue(generated.name.startswith("SAMPLE-"))
        product = order.order_line.product_id
        self.Sample.action_remove_sample_data()
        self.assertFalse(order.exists())
        self.assertFalse(generated.exists())
        self.assertFalse(product.exists(), "the sample product goes too")
        self.assertFalse(self.env["ir.model.data"].search([("module", "=", sample_data.NAMESPACE)]))

    def test_a_product_sold_on_a_real_order_is_kept(self):
        self.Sample.action_load_sample_data()
        product = self.sample_orders().order_line.product_id
        own = self.make_order(self.partner_sh)
        own.write({"order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})]})
        # the product's deletion fails on the order line (logged), then it is archived
        with mute_logger("odoo.sql_db"):
            result = self.Sample.action_remove_sample_data()
        self.assertFalse(self.sample_orders())
        self.assertTrue(product.exists(), "a product of the user's own order stays")
        self.assertFalse(product.active, "archived")
        self.assertIn(product.display_name, result["params"]["message"])
