# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback",
    "summary": "Plan, make and record customer follow-up calls (客户回访): cadences, "
    "call windows, attempts, scripts, complaints and spot-checks",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "application": True,
    "depends": ["helpdesk_mgmt", "sale", "contacts", "mail", "resource"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/customer_callback_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/customer_callback_script_data.xml",
        "data/customer_callback_rule_data.xml",
        "data/customer_callback_occasion_data.xml",
        "data/ir_cron_data.xml",
        "views/customer_callback_attempt_views.xml",
        "views/customer_callback_views.xml",
        "views/customer_callback_rule_views.xml",
        "views/customer_callback_script_views.xml",
        "views/customer_callback_occasion_views.xml",
        "views/res_partner_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_callback_menus.xml",
    ],
    "demo": [
        "demo/customer_callback_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_callback/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
