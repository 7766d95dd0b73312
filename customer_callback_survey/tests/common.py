# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase

DUE = FROZEN_NOW + timedelta(hours=24)


class SurveyCase(CallbackCase):
    """Callback test set-up plus complaint tickets closed at the frozen now."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["customer.callback.survey.request"]
        cls.survey = cls.env.ref("customer_callback_survey.survey_satisfaction")
        cls.closed_stage = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.company.write(
            {
                "callback_survey_on_complaint": True,
                "callback_survey_on_ticket": False,
                "callback_survey_delay_hours": 24,
                "callback_survey_channel": "email",
                "callback_survey_reminder_days": 2,
                "callback_survey_followup_score": 3,
                "callback_survey_expiry_days": 3,
                "callback_fatigue_days": 30,
            }
        )
        cls.partner_sh.email = "zhang.wei@example.com"
        cls.partner_paris.email = "claire@example.com"
        # Other requests of the database (demo data) are out of the way: nothing
        # of theirs to send or to remind.
        cls.Request.search([("state", "in", ("pending", "sent"))]).write({"state": "skipped_cap"})

    def make_ticket(self, partner=None, complaint=True, **values):
        vals = {
            "name": "Leaking purifier",
            "description": "It leaks.",
            "partner_id": (partner or self.partner_sh).id,
            "team_id": self.team.id,
            "user_id": self.agent1.id,
            "is_complaint": complaint,
            "resolution_summary": "Seal replaced on site.",
        }
        vals.update(values)
        return self.env["helpdesk.ticket"].create(vals)

    def close(self, tickets):
        tickets.write({"stage_id": self.closed_stage.id})
        return self.Request.search([("ticket_id", "in", tickets.ids)])

    def send(self, now=DUE, batch_size=200):
        return self.Request._send_batch(batch_size=batch_size, now=now)

    def question(self, key):
        return self.env.ref(f"customer_callback_survey.survey_satisfaction_q_{key}")

    def choice(self, key, score):
        return self.env.ref(f"customer_callback_survey.survey_satisfaction_q_{key}_a{score}")

    def answer(self, user_input, scores, suggestion="", consent=True):
        """Answer as the survey controller does: ``_save_lines`` per
        question of the submitted page, then ``_mark_done``."""
        user_input = user_input.sudo()
        user_input._mark_in_progress()
        for key, score in zip(
            ("overall", "attitude", "speed", "effectiveness"), scores, strict=True
        ):
            user_input._save_lines(self.question(key), str(self.choice(key, score).id))
        user_input._save_lines(self.question("suggestion"), suggestion)
        consent_answer = self.env.ref(
            "customer_callback_survey.survey_satisfaction_q_consent_" + ("yes" if consent else "no")
        )
        user_input._save_lines(self.question("consent"), str(consent_answer.id))
        user_input._mark_done()
        return user_input
