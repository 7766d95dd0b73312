# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Ticket Merge",
    "summary": "Merging helpdesk tickets keeps their callbacks, attempts and satisfaction "
    "surveys on the surviving ticket",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_survey", "helpdesk_mgmt_merge"],
    "auto_install": True,
    "installable": True,
}
