# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Telephony: OCA VoIP",
    "summary": "Call customers through OCA voip_oca's softphone from the callback and the "
    "workday; every softphone call becomes the callback's attempt",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Alpha",
    "depends": ["customer_callback_telephony", "voip_oca"],
    "data": [
        "data/customer_callback_call_cause_data.xml",
        "views/customer_callback_call_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "customer_callback_telephony_voip_oca/static/src/**/*",
        ],
        "web.assets_tests": [
            "customer_callback_telephony_voip_oca/static/tests/tours/*.js",
        ],
    },
    "auto_install": False,
    "installable": True,
}
