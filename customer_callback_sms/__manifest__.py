# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback SMS (China)",
    "summary": "SMS that reach Chinese phones: approved templates per message kind, "
    "delivery receipts, 'TD' replies withdraw consent, daily quota (provider-neutral)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback", "sms"],
    "data": [
        "security/customer_callback_sms_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/customer_callback_sms_views.xml",
        "views/customer_callback_sms_template_views.xml",
        "views/customer_callback_views.xml",
        "wizards/customer_callback_sms_test_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_callback_sms_menus.xml",
    ],
    "installable": True,
}
