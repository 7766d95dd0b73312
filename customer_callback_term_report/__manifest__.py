# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback High-frequency Terms in the Reports",
    "summary": "The quarterly analysis lists the words customers used most in the quarter "
    "(glue between the terms and the reports, installed with both)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_term", "customer_callback_report"],
    "data": [
        "report/customer_callback_quarterly_reports.xml",
    ],
    "auto_install": True,
    "installable": True,
}
