# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Sales Orders in the Reports",
    "summary": "The care record sheet names the products of the callback's sales order "
    "(glue between the sales orders and the reports, installed with both)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_sale", "customer_callback_report"],
    "auto_install": True,
    "installable": True,
}
