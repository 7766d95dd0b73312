# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The helpdesk ratings in the quarterly analysis (moved from
customer_callback_helpdesk_rating's test_no_double_asks with the reports,
issue #31)."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback_survey.tests.common import FROZEN_NOW, SurveyCase


@tagged("post_install", "-at_install")
class TestRatingsInTheQuarterlyReport(SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rating_template = cls.env.ref("helpdesk_mgmt_rating.rating_ticket_email_template")
        # the Done stage asks with helpdesk_mgmt_rating's rating email
        cls.closed_stage.rating_mail_template_id = cls.rating_template

    def ratings_of(self, tickets):
        return (
            self.env["rating.rating"]
            .sudo()
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)])
        )

    def test_ratings_of_other_tickets_in_the_quarterly_report(self):
        other = self.make_ticket(self.partner_paris, complaint=False)
        other.write({"stage_id": self.closed_stage.id})
        rating = self.ratings_of(other)
        other.rating_apply(3, token=rating.access_token)
        self.assertEqual(other.survey_score, 3)
        self.assertEqual(self.partner_paris.callback_satisfaction, 3.0)
        report = (
            self.env["customer.callback.quarterly.report"]
            .with_company(self.company)
            .create({"company_id": self.company.id})
        )
        period = {
            "start": FROZEN_NOW - timedelta(days=1),
            "end": FROZEN_NOW + timedelta(days=1),
        }
        figures = report._extra_key_figures(period)
        self.assertEqual(figures["rating_score"], (3.0, 1))
        keys = [line[0] for line in report._key_figure_lines()]
        self.assertIn("rating_score", keys)
        # another company's rated tickets are not in this company's report
        report.company_id = self.env["res.company"].create({"name": "Other shop"})
        self.assertEqual(report._extra_key_figures(period)["rating_score"], (None, 0))
