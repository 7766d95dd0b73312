# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The survey score on the supervisors' dashboard (issue #17 point 5): the
quarterly analysis' survey figure, by answer date in the reader's month,
opening the answered surveys."""

from datetime import datetime, timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW
from odoo.addons.customer_callback_survey.tests.common import SurveyCase


@tagged("post_install", "-at_install")
class TestSurveyDashboard(SurveyCase):
    def test_survey_score_by_month_and_its_list(self):
        requests = self.close(self.make_ticket() | self.make_ticket(partner=self.partner_paris))
        self.assertEqual(len(requests), 2)
        november, october = requests
        november.sudo().write({"score": 5, "answered_date": FROZEN_NOW - timedelta(hours=1)})
        october.sudo().write({"score": 2, "answered_date": datetime(2026, 10, 10, 2)})
        data = (
            self.env["customer.callback.dashboard"]
            .with_user(self.supervisor)
            .with_context(tz="Asia/Shanghai")
            .get_dashboard_data()
        )
        survey = {figure["key"]: figure for figure in data["figures"]}["survey_score"]
        self.assertEqual((survey["month"]["value"], survey["month"]["previous"]), (5.0, 2.0))
        # the fourth quarter: (5 + 2) / 2
        self.assertEqual(survey["quarter"]["value"], 3.5)
        self.assertIs(survey["quarter"]["met"], False)
        action = survey["month"]["action"]
        self.assertEqual(action["res_model"], "customer.callback.survey.request")
        self.assertEqual(self.Request.search(action["domain"]), november)
        series = {series["key"]: series for series in data["trend"]["series"]}
        self.assertEqual(
            [point["value"] for point in series["survey_score"]["points"]][-2:], [2.0, 5.0]
        )
        self.assertEqual(
            self.Request.search(series["survey_score"]["action"]["domain"]), november | october
        )
