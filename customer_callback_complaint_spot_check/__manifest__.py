# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback Complaint Spot-checks",
    "summary": "Glue of the complaints and the monthly spot-checks: open complaints feed the "
    "spot-check pool, a dissatisfied spot-checked customer's ticket is a complaint",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "maintainers": ["customer-callback-maintainers"],
    "development_status": "Beta",
    "depends": ["customer_callback_complaint", "customer_callback_spot_check"],
    "demo": [
        "demo/customer_callback_complaint_spot_check_demo.xml",
    ],
    "auto_install": True,
    "installable": True,
}
