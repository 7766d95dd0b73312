# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Data Requests as Care Record Sheets",
    "summary": "A customer's data export request gives his callbacks as the care record "
    "sheet (XLSX) to send him (glue between the public page and the reports)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_portal", "customer_callback_report"],
    "auto_install": True,
    "installable": True,
}
