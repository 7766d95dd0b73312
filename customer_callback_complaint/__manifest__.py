# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Complaints",
    "summary": "Complaint grading and clocks on helpdesk tickets (投诉): grades with their "
    "deadlines, handling steps, reminders and breaches, the closed loop with callbacks",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback"],
    "data": [
        "security/customer_callback_complaint_security.xml",
        "security/ir.model.access.csv",
        "data/customer_callback_complaint_defaults.xml",
        "views/helpdesk_ticket_views.xml",
        "views/customer_complaint_grade_views.xml",
        "views/helpdesk_ticket_category_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_callback_complaint_menus.xml",
    ],
    "demo": [
        "demo/customer_callback_complaint_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "customer_callback_complaint/static/src/workday/*",
        ],
        "web.assets_tests": [
            "customer_callback_complaint/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
