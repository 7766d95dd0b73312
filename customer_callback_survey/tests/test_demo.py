# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The survey demo's promises (README, *Demo data*), on the database's own
demo data whatever the moment it was installed (issue #27)."""

from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSurveyDemoPromises(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # installed without demo data (as OCA's CI may run it): nothing to check
        if not cls.env.ref("base.module_customer_callback_survey").demo:
            raise SkipTest("customer_callback_survey was installed without its demo data")

    def test_surveys_in_every_state(self):
        company = self.env.ref("base.main_company")
        requests = self.env["customer.callback.survey.request"].search(
            [("company_id", "=", company.id)]
        )
        statuses = set(requests.mapped("survey_status"))
        for status in ("pending", "sent", "opened", "answered", "no_contact", "skipped_cap"):
            self.assertIn(status, statuses, f"no demo survey {status}: {sorted(statuses)}")
        failed = requests.filtered(lambda r: r.state == "failed")
        self.assertEqual(len(failed), 1, "one survey failed (sent too late)")
        self.assertTrue(failed.call_callback_id, "the failed survey is replaced by a call")
        low = requests.filtered(lambda r: r.state == "answered" and r.score and r.score <= 2)
        self.assertTrue(low.followup_callback_id, "a low score brought a supervisor callback")
