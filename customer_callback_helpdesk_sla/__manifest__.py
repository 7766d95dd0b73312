# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Complaints and Helpdesk SLA",
    "summary": "A graded complaint follows its grade's deadlines; the helpdesk SLAs apply to "
    "the other tickets (or to both, per SLA)",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_complaint", "helpdesk_mgmt_sla"],
    "data": [
        "views/helpdesk_sla_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
