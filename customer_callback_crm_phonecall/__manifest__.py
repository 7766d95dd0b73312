# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Phone Calls in CRM",
    "summary": "Each phone callback attempt is logged as a CRM phone call, where sales "
    "sees the customer's calls",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback", "crm_phonecall"],
    "data": [
        "views/customer_callback_attempt_views.xml",
        "views/crm_phonecall_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
