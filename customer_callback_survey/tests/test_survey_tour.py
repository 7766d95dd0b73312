# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSurveyTour(HttpCase):
    def test_customer_answers_the_emailed_survey(self):
        """A closed complaint sends the survey; the customer answers it in
        the browser (public user, the answer's access token); the score goes
        back to the ticket and a dissatisfied answer brings one supervisor
        callback."""
        company = self.env.company
        company.write({"callback_survey_on_complaint": True, "callback_survey_channel": "email"})
        supervisor = self.env.ref("base.user_admin")
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Tour team", "user_id": supervisor.id}
        )
        partner = self.env["res.partner"].create(
            {"name": "Tour Customer", "email": "tour.customer@example.com", "tz": "Asia/Shanghai"}
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Installer late",
                "description": "Two hours late.",
                "partner_id": partner.id,
                "team_id": team.id,
                "is_complaint": True,
                "resolution_summary": "Apologised; schedules now include travel time.",
            }
        )
        ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        Request = self.env["customer.callback.survey.request"]
        request = Request.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(request.state, "pending")
        Request._send_batch(now=request.due_date + timedelta(seconds=1))
        self.assertEqual(request.state, "sent")
        user_input = request.user_input_id

        self.start_tour(user_input.get_start_url(), "customer_callback_survey_tour")

        self.assertEqual(user_input.state, "done")
        self.assertEqual(request.state, "answered")
        self.assertEqual(user_input.callback_score, 2)  # (2 + 3 + 1 + 2) / 4 = 2
        self.assertEqual(ticket.survey_score, 2)
        self.assertTrue(user_input.callback_consent)
        self.assertEqual(user_input.callback_suggestion, "The installer came two hours late.")
        followup = self.env["customer.callback"].search([("period_key", "=", f"SV{user_input.id}")])
        self.assertEqual(len(followup), 1)
        self.assertEqual(followup.user_id, supervisor)
        self.assertEqual(followup.segment, "feedback_history")
        self.assertGreaterEqual(followup.planned_date, fields.Datetime.now() - timedelta(minutes=5))
