# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Telephony: Tencent Cloud CCC",
    "summary": "Tencent Cloud Contact Center (腾讯云联络中心): call-record and recording "
    "pushes become callback attempts; click-to-call from the callback",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_telephony"],
    "external_dependencies": {"python": ["tencentcloud-sdk-python-ccc"]},
    "data": [
        "data/customer_callback_call_cause_data.xml",
        "views/res_config_settings_views.xml",
    ],
    "installable": True,
}
