# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Telephony: Asterisk",
    "summary": "Asterisk through its Manager Interface (AMI): originate from the callback, "
    "hang-up causes become attempts",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Alpha",
    "depends": ["customer_callback_telephony"],
    "external_dependencies": {"python": ["panoramisk"]},
    "data": [
        "data/customer_callback_call_cause_data.xml",
        "views/res_config_settings_views.xml",
    ],
    "installable": True,
}
