# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Complaints by SMS",
    "summary": "A closed complaint tells the customer its result by SMS (glue between the "
    "complaints and the SMS, installed with both)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_complaint", "customer_callback_sms"],
    "auto_install": True,
    "installable": True,
}
