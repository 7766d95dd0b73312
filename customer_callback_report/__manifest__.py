# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Reports",
    "summary": "Supervisors' dashboard, quarterly analysis (PDF, XLSX, quarter-end mail), "
    "agents' monthly reports, care record sheet, spot-check prints and team workload",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback", "customer_callback_spot_check", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/customer_callback_report_security.xml",
        "security/ir.model.access.csv",
        "views/customer_callback_dashboard_views.xml",
        "views/customer_callback_spot_check_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/customer_callback_workload_reassign_views.xml",
        "wizards/customer_callback_agent_report_export_views.xml",
        "report/customer_callback_agent_report_views.xml",
        "report/customer_callback_xlsx_reports.xml",
        "report/customer_callback_report_layout.xml",
        "report/customer_callback_care_record_reports.xml",
        "report/customer_callback_spot_check_reports.xml",
        "report/customer_callback_agent_month_reports.xml",
        "wizards/customer_callback_quarterly_report_views.xml",
        "report/customer_callback_quarterly_reports.xml",
        "report/customer_callback_workload_views.xml",
        "data/ir_cron_data.xml",
        "views/customer_callback_report_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "customer_callback_report/static/src/dashboard/*",
        ],
        "web.report_assets_common": [
            "customer_callback_report/static/src/report/report_fonts.scss",
        ],
        "web.assets_tests": [
            "customer_callback_report/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
