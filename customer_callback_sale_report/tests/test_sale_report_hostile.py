# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The care record sheet of an agent's own callback whose order is another
salesperson's names the order's products, printed through the server as the
web client downloads it (issue #15, point 5; moved here with the products'
column, issue #31)."""

import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    HostileCase,
    Row,
    make_row_tests,
)
from odoo.addons.customer_callback_report.tests.test_report_hostile import get_care_records
from odoo.addons.customer_callback_sale.tests.test_sale_hostile import set_up_order_callback


def lists_the_products(case, content):
    """The care-record sheet's *Industry / products* column names the products."""
    case.assert_xlsx(content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    case.assertTrue([cell for cell in cells if "Hostile purifier" in cell], cells)


ROWS = [
    Row(
        "p05_agent_prints_the_orders_products_on_the_care_record",
        "agent",
        ALLOWED,
        get_care_records("callback"),
        lists_the_products,
    ),
]


@tagged("post_install", "-at_install")
class TestSaleReportHostile(HostileCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        set_up_order_callback(cls)


make_row_tests(TestSaleReportHostile, ROWS)
