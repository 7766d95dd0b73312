# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback SMS through Aliyun",
    "summary": "Send the company's SMS through Aliyun SMS (阿里云短信): sign name, approved "
    "templates, delivery receipts and replies pushed back",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_sms"],
    "external_dependencies": {"python": ["alibabacloud-dysmsapi20170525"]},
    "data": [
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_callback_sms_aliyun/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
