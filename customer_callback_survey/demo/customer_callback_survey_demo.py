# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helper of the demo data (``demo/customer_callback_survey_demo.xml``): a
customer answers the satisfaction survey that was sent to them, as the survey
controller records it (one ``_save_lines`` per question, then ``_mark_done``),
so the score flows back to the ticket, the callback and the customer exactly
as for a real answer. The answers are created by the sending, so they have no
XML id to refer to."""

from odoo import api, models

QUESTIONS = ("overall", "attitude", "speed", "effectiveness")


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    @api.model
    def _demo_answer(
        self,
        ticket_id=False,
        callback_id=False,
        scores=(),
        suggestion="",
        consent=True,
        submit=True,
    ):
        """Answer the survey sent after ``ticket_id`` or ``callback_id``:
        ``scores`` for the satisfaction questions in order (fewer: the
        customer stopped there), the suggestion and the consent. Without
        ``submit`` the survey stays opened, not submitted."""
        domain = [("state", "=", "sent")]
        if callback_id:
            domain.append(("callback_id", "=", callback_id))
        else:
            domain += [("ticket_id", "=", ticket_id), ("callback_id", "=", False)]
        request = self.env["customer.callback.survey.request"].search(domain, limit=1)
        user_input = request.user_input_id.sudo()
        if not user_input:
            return False
        ref = self.env.ref
        user_input._mark_in_progress()
        for key, score in zip(QUESTIONS, scores, strict=False):
            question = ref(f"customer_callback_survey.survey_satisfaction_q_{key}")
            answer = ref(f"customer_callback_survey.survey_satisfaction_q_{key}_a{score}")
            user_input._save_lines(question, str(answer.id))
        if not submit:
            return True
        user_input._save_lines(
            ref("customer_callback_survey.survey_satisfaction_q_suggestion"), suggestion
        )
        consent_answer = ref(
            "customer_callback_survey.survey_satisfaction_q_consent_" + ("yes" if consent else "no")
        )
        user_input._save_lines(
            ref("customer_callback_survey.survey_satisfaction_q_consent"), str(consent_answer.id)
        )
        user_input._mark_done()
        return True
