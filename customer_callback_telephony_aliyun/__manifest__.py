# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Telephony: Aliyun",
    "summary": "Aliyun (阿里云) call-status reports become callback attempts; outbound calls "
    "through the Cloud Contact Center SDK",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Alpha",
    "depends": ["customer_callback_telephony"],
    "external_dependencies": {"python": ["alibabacloud-ccc20200701"]},
    "data": [
        "data/customer_callback_call_cause_data.xml",
        "views/res_config_settings_views.xml",
    ],
    "installable": True,
}
