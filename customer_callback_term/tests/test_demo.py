# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's promises of the high-frequency terms (README, *Demo data*),
checked on the database's own demo data whatever the day it was installed
(CI installs the demo at other moments too: .ci/run)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestTermDemo(TransactionCase):
    """The demo's promise (README, *Demo data*): the high-frequency terms of
    the last three months are counted."""

    def test_high_frequency_terms(self):
        if not self.env.ref("customer_callback.demo_callback_planned", False):
            self.skipTest("no demo data")
        company = self.env.ref("base.main_company")
        self.assertTrue(
            self.env["customer.callback.term"].search_count([("company_id", "=", company.id)])
        )
