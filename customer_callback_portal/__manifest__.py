# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Personal Page",
    "summary": "The customer's personal link and page (no login): when and how we may "
    "contact him, stop calls or surveys, ask for a call, ask for his data",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback"],
    "data": [
        "security/customer_callback_portal_security.xml",
        "security/ir.model.access.csv",
        "data/customer_callback_portal_defaults.xml",
        "views/customer_callback_link_views.xml",
        "views/customer_callback_data_request_views.xml",
        "views/customer_callback_page_templates.xml",
        "views/customer_callback_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_callback_portal_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_callback_portal/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
