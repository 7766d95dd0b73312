# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Telephony",
    "summary": "One call record for every phone system: calls become the callbacks' "
    "attempts, recordings kept with consent, keypad satisfaction (电话系统对接)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/customer_callback_telephony_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/customer_callback_call_cause_data.xml",
        "views/customer_callback_call_views.xml",
        "views/customer_callback_call_cause_views.xml",
        "views/customer_callback_call_event_views.xml",
        "views/customer_callback_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_callback_telephony_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_callback_telephony/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
