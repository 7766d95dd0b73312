# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback High-frequency Terms",
    "summary": "The words and phrases customers use most each month (高频问题词), "
    "segmented with jieba, per problem category, with stop words per company",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback"],
    "external_dependencies": {"python": ["jieba"]},
    "data": [
        "security/customer_callback_term_security.xml",
        "security/ir.model.access.csv",
        "data/customer_callback_stop_word_data.xml",
        "data/customer_callback_term_data.xml",
        "views/customer_callback_stop_word_views.xml",
        "wizards/customer_callback_term_compute_views.xml",
        "views/customer_callback_term_views.xml",
        "views/customer_callback_term_menus.xml",
    ],
    "demo": [
        "demo/customer_callback_term_demo.xml",
    ],
    "installable": True,
}
