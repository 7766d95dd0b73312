# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CALLBACK_ROLES = [
    ("satisfaction", "Satisfaction (1-5)"),
    ("suggestion", "Suggestion"),
    ("consent", "Consent to be contacted again"),
]


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    callback_role = fields.Selection(
        CALLBACK_ROLES,
        string="Callback role",
        help="How the customer callbacks read this question: satisfaction questions "
        "(single choice, each answer scored 1 to 5) make the overall score; the "
        "suggestion is copied to the supervisor callback; a ticked consent means the "
        "customer may be contacted again.",
    )

    @api.constrains("callback_role", "question_type")
    def _check_callback_role(self):
        for question in self:
            role = question.callback_role
            if role == "satisfaction" and question.question_type != "simple_choice":
                raise ValidationError(
                    self.env._(
                        "Satisfaction question “%s” must be a single choice whose answers score 1 to 5.",  # noqa: E501
                        question.title,
                    )
                )
            if role == "suggestion" and question.question_type not in ("text_box", "char_box"):
                raise ValidationError(
                    self.env._("Suggestion question “%s” must be a text question.", question.title)
                )
            if role == "consent" and question.question_type not in (
                "simple_choice",
                "multiple_choice",
            ):
                raise ValidationError(
                    self.env._("Consent question “%s” must be a choice question.", question.title)
                )
