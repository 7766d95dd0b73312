# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's promises of the sales orders (README, *Demo data*), checked on
the database's own demo data whatever the day it was installed (CI installs
the demo at other moments too: .ci/run)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSaleDemo(TransactionCase):
    """Two years of orders give the demo customers their tiers, today's order
    callbacks follow their orders, and the order rules generated the day's
    callbacks (the new customer of two days ago, the second follow-up of the
    first call done two days ago)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("customer_callback_sale.demo_order_zhang_1", False):
            cls.skipTest(cls, "no demo data")

    def test_orders_make_the_tiers(self):
        zhang = self.env.ref("customer_callback.demo_partner_zhang")
        self.assertTrue(zhang.first_purchase_date)
        wangfang = self.env.ref("customer_callback.demo_partner_wangfang")
        self.assertEqual(wangfang.callback_tier, "new", "first order two days ago")
        chenjing = self.env.ref("customer_callback.demo_partner_chenjing")
        self.assertTrue(chenjing.callback_churn_risk, "no order for eight months")

    def test_todays_callbacks_follow_their_orders(self):
        for xmlid, order in (
            ("demo_callback_planned", "demo_order_zhang_2"),
            ("demo_callback_overdue", "demo_order_ouyang_1"),
            ("demo_callback_in_progress", "demo_order_sunli_1"),
        ):
            callback = self.env.ref(f"customer_callback.{xmlid}")
            self.assertEqual(
                callback.sale_order_id, self.env.ref(f"customer_callback_sale.{order}"), xmlid
            )
            self.assertTrue(callback.rule_id, xmlid)
            self.assertTrue(callback.sale_order_products, xmlid)

    def test_order_rules_generated_the_days_callbacks(self):
        Callback = self.env["customer.callback"].with_context(active_test=False)
        second = self.env.ref("customer_callback_sale.rule_second_followup")
        first_emily = self.env.ref("customer_callback.demo_callback_first_emily")
        self.assertTrue(
            Callback.search_count(
                [("rule_id", "=", second.id), ("source_callback_id", "=", first_emily.id)]
            ),
            "the second follow-up of the first call done two days ago",
        )
        new_customer = self.env.ref("customer_callback_sale.rule_new_customer")
        wangfang = self.env.ref("customer_callback.demo_partner_wangfang")
        self.assertTrue(
            Callback.search_count(
                [("rule_id", "=", new_customer.id), ("partner_id", "=", wangfang.id)]
            ),
            "the first callback of the new customer of two days ago",
        )
