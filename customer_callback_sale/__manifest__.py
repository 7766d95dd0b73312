# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Sales Orders",
    "summary": "Confirmed sales orders start callbacks (客户回访): new-customer and usage "
    "rules, the customer's purchase dates, the order on the callback and its script",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback", "sale"],
    "data": [
        "data/customer_callback_rule_data.xml",
        "views/customer_callback_views.xml",
    ],
    "demo": [
        "demo/customer_callback_sale_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}
