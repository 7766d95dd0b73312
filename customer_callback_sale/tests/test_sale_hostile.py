# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile rows of the sales order on the callback (moved from
customer_callback's test_hostile.py, point 5 of issue #15): an agent's own
callback whose order is another salesperson's shows the order's reference,
date, products and script through the server, never the order itself. In
the table format of customer_callback's hostile suite
(tests/hostile_common.py)."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    HostileCase,
    Row,
    make_row_tests,
)
from odoo.addons.customer_callback.tests.test_hostile import read

ACCESS = ("odoo.exceptions.AccessError",)


def open_own_callback_form(case, profile, order_fields=True):
    """The callback form as the web client reads it (issue #15, point 5)."""
    specification = {
        "name": {},
        "script_html": {},
        "sale_order_id": {"fields": {"display_name": {}}},
    }
    if order_fields:
        specification.update(sale_order_ref={}, sale_order_date={}, sale_order_products={})
    return case.rpc(
        profile,
        "customer.callback",
        "web_read",
        [case.callback.ids],
        {"specification": specification},
    )


def open_own_callback_script(case, profile):
    """The fields the form read before the order's own fields existed."""
    return open_own_callback_form(case, profile, order_fields=False)


def script_shows_the_product(case, result):
    case.assertIn("Hostile purifier", result[0]["script_html"])
    case.assertEqual(result[0]["sale_order_id"]["display_name"], case.order.name)


def shows_the_order(case, result):
    values = result[0]
    case.assertEqual(values["sale_order_ref"], case.order.name)
    case.assertIn("Hostile purifier", values["sale_order_products"])
    case.assertIn("Hostile purifier", values["script_html"])


ROWS = [
    # -- 5. the agent's own callback whose order is another salesperson's ----
    Row(
        "p05_agent_opens_own_callback_with_foreign_order",
        "agent",
        ALLOWED,
        open_own_callback_form,
        shows_the_order,
    ),
    Row(
        "p05_agent_reads_own_callback_script",
        "agent",
        ALLOWED,
        open_own_callback_script,
        script_shows_the_product,
    ),
    Row("p05_agent_reads_the_order", "agent", REFUSED, read("sale.order", "order"), ACCESS),
]


def set_up_order_callback(cls):
    """The agent's own callback whose order is another salesperson's (on ``cls``)."""
    env = cls.env
    product = env["product.product"].create({"name": "Hostile purifier", "list_price": 10})
    cls.order = (
        env["sale.order"]
        .with_user(cls.seller)
        .create(
            {
                "partner_id": cls.partner.id,
                "user_id": cls.seller.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})],
            }
        )
        .sudo()
    )
    script = env["customer.callback.script"].create(
        {
            "name": "Hostile script",
            "company_id": cls.company.id,
            "body": "<p>{title} {surname}, about {product} of {order_date}</p>",
        }
    )
    cls.callback = env["customer.callback"].create(
        {
            "partner_id": cls.partner.id,
            "company_id": cls.company.id,
            "state": "planned",
            "planned_date": cls.now,
            "deadline": cls.now.date() + timedelta(days=3),
            "user_id": cls.users["agent"].id,
            "team_id": cls.team.id,
            "sale_order_id": cls.order.id,
            "script_id": script.id,
            "summary": "Called, all good",
        }
    )


@tagged("post_install", "-at_install")
class TestSaleHostile(HostileCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        set_up_order_callback(cls)


make_row_tests(TestSaleHostile, ROWS)
