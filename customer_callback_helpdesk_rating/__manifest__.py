# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Satisfaction and Helpdesk Rating",
    "summary": "A closed ticket is asked for satisfaction once: by the callback suite's "
    "survey or by the helpdesk rating, counted on the same 5-point scale",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_survey", "helpdesk_mgmt_rating"],
    "data": [
        "views/res_config_settings_views.xml",
        "views/customer_callback_survey_request_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
