# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Customer Callback: test extension",
    "summary": "Test only: a third-party customisation of callbacks (installed by bin/test)",
    "version": "19.0.1.0.0",
    "category": "Hidden",
    "license": "AGPL-3",
    "author": "Customer Callback Suite contributors",
    "depends": ["customer_callback_survey"],
    "data": [],
    "installable": True,
}
