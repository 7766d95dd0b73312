# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Helpdesk Rating in the Reports",
    "summary": "The helpdesk ratings of the tickets the suite did not ask in the quarterly "
    "analysis (glue between the rating bridge and the reports, installed with both)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_helpdesk_rating", "customer_callback_report"],
    "auto_install": True,
    "installable": True,
}
