# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Complaints in the Reports",
    "summary": "The complaints on the supervisors' dashboard, in the quarterly analysis and "
    "in the team workload (glue between the complaints and the reports, installed with both)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_complaint", "customer_callback_report"],
    "data": [
        "views/customer_callback_workload_views.xml",
        "report/customer_callback_quarterly_reports.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "customer_callback_complaint_report/static/src/dashboard/*",
        ],
        "web.assets_tests": [
            "customer_callback_complaint_report/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
