# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Satisfaction Surveys in the Reports",
    "summary": "The surveys' score in the quarterly analysis and on the supervisors' "
    "dashboard (glue between the surveys and the reports, installed with both)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_survey", "customer_callback_report"],
    "auto_install": True,
    "installable": True,
}
