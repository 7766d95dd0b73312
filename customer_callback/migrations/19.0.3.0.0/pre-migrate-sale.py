# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.3.0.0 (issue #31): the sales orders as callback triggers leave the
core for their own addon, ``customer_callback_sale``; the core no longer
depends on ``sale``.

What moves: the callback's sales order and its order fields, the rule
triggers *First confirmed order* and *Each confirmed order* (their selection
values), the default order rules (new customer, its second follow-up, usage:
``noupdate``, kept as the administrator left them), the core's extension of
``sale.order`` (the generation on confirmation) and the demo's products and
orders (the lists below); how, and why the addon is marked *to upgrade*
rather than *to install*: ``customer_callback/upgrade/addon_move.py``.

What stays: the customers' purchase dates (*First purchase*, *Last order*)
are the core's fields, stored as they were; the addon fills them from the
confirmed orders (``res.partner._callback_purchase_dates``). Nothing of the
stored callbacks, rules or orders changes."""

from openupgradelib import openupgrade

from odoo.addons.customer_callback.upgrade.addon_move import move_to_addon

OLD, NEW = "customer_callback", "customer_callback_sale"
NEW_VERSION = "19.0.1.0.0"
MOVED_FIELDS = {
    "customer.callback": [
        "sale_order_id",
        "sale_order_ref",
        "sale_order_date",
        "sale_order_products",
    ],
}
MOVED_XMLIDS = (
    # the core's extension of sales orders (its confirmation generates)
    "model_sale_order",
    # the rule triggers of the orders
    "selection__customer_callback_rule__trigger__first_order",
    "selection__customer_callback_rule__trigger__order",
    # the default order rules (data, noupdate)
    "rule_new_customer",
    "rule_second_followup",
    "rule_usage",
    # demo data: the shop's products and two years of orders
    "demo_product_purifier",
    "demo_product_filter",
    "demo_product_installation",
    # (their templates' xml ids, made by Odoo with the products)
    "demo_product_purifier_product_template",
    "demo_product_filter_product_template",
    "demo_product_installation_product_template",
    "demo_order_zhang_1",
    "demo_order_zhang_2",
    "demo_order_ouyang_1",
    "demo_order_claire_1",
    "demo_order_james_1",
    "demo_order_liming_1",
    "demo_order_liming_2",
    "demo_order_wangfang_1",
    "demo_order_chenjing_1",
    "demo_order_chenjing_2",
    "demo_order_liuyang_1",
    "demo_order_liuyang_2",
    "demo_order_zhaolei_1",
    "demo_order_sunli_1",
    "demo_order_zhoujie_1",
    "demo_order_wumin_1",
    "demo_order_huanghai_1",
    "demo_order_isabelle_1",
    "demo_order_isabelle_2",
    "demo_order_sophie_1",
    "demo_order_lukas_1",
    "demo_order_oliver_1",
    "demo_order_emily_1",
    "demo_order_michael_1",
    "demo_order_michael_2",
    "demo_order_david_1",
    "demo_order_hiroshi_1",
    "demo_order_hiroshi_2",
    "demo_order_emma_1",
)


@openupgrade.migrate()
def migrate(env, version):
    move_to_addon(
        env,
        NEW,
        NEW_VERSION,
        fields=MOVED_FIELDS,
        xmlids=MOVED_XMLIDS,
        old=OLD,
    )
