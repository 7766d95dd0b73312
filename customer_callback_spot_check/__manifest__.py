# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Spot-checks",
    "summary": "Monthly service spot-checks (回访抽查): a team lead draws a sample of the "
    "month's served customers, spreads the calls over the agents and reads the satisfaction",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback"],
    "data": [
        "security/customer_callback_spot_check_security.xml",
        "security/ir.model.access.csv",
        "data/customer_callback_spot_check_defaults.xml",
        "views/customer_callback_spot_check_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/customer_callback_spot_check_wizard_views.xml",
        "wizards/customer_callback_spot_check_rebalance_views.xml",
        "views/customer_callback_spot_check_menus.xml",
    ],
    "demo": [
        "demo/customer_callback_spot_check_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "customer_callback_spot_check/static/src/workday/*",
        ],
        "web.assets_tests": [
            "customer_callback_spot_check/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
