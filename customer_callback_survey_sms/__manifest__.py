# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Surveys by SMS in China",
    "summary": "Satisfaction survey invitations by SMS go through the company's Chinese SMS "
    "provider with the approved survey invitation template",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_survey", "customer_callback_sms"],
    "data": [],
    "auto_install": True,
    "installable": True,
}
