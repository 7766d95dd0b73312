# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

SURVEY_CHANNELS = [("email", "Email"), ("sms", "SMS")]


class ResCompany(models.Model):
    _inherit = "res.company"

    # Satisfaction survey after a problem is solved (003 step 5, SPEC §6).
    callback_survey_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction survey",
        help="Sent after a problem is solved. Empty: the default satisfaction survey.",
    )
    callback_survey_delay_hours = fields.Float(
        string="Send survey after (hours)",
        default=2.0,
        help="Hours between the closing and the survey. The survey must reach the customer "
        "within 24 hours of the problem being solved, and the scheduled sending runs every "
        "hour: keep this below 23 hours.",
    )
    callback_survey_on_complaint = fields.Boolean(
        string="Survey closed complaints",
        default=True,
        help="Tickets flagged as complaints send a survey when they reach a closed stage.",
    )
    callback_survey_on_ticket = fields.Boolean(
        string="Survey all closed tickets",
        help="Every ticket reaching a closed stage sends a survey.",
    )
    callback_survey_rule_ids = fields.Many2many(
        "customer.callback.rule",
        "res_company_callback_survey_rule_rel",
        "company_id",
        "rule_id",
        string="Survey after callbacks of",
        help="Callbacks of these rules send a survey when they are done.",
    )
    callback_survey_channel = fields.Selection(
        SURVEY_CHANNELS,
        string="Survey channel",
        default="email",
        required=True,
        help="SMS needs Odoo's SMS app; customers without a mobile number get the "
        "email, customers without either are listed for a call.",
    )
    callback_survey_mail_template_id = fields.Many2one(
        "mail.template",
        string="Survey email",
        domain=[("model", "=", "survey.user_input")],
    )
    callback_survey_reminder_template_id = fields.Many2one(
        "mail.template",
        string="Reminder email",
        domain=[("model", "=", "survey.user_input")],
    )
    callback_survey_reminder_days = fields.Integer(
        string="Remind after (days)",
        default=2,
        help="Unanswered surveys are reminded once after this many days (0 = never).",
    )
    callback_survey_followup_score = fields.Integer(
        string="Supervisor callback at or below score",
        default=3,
        help="An overall score at or below this (3 = average, 2 = dissatisfied) "
        "makes a supervisor call the customer back (0 = never).",
    )
    callback_survey_followup_rule_id = fields.Many2one(
        "customer.callback.rule",
        string="Follow-up callback rule",
        help="Rule of the supervisor callbacks after a low score. Empty: the default rule.",
    )
    callback_survey_expiry_days = fields.Integer(
        string="Give up sending after (days)",
        default=3,
        help="A survey that could not be sent this many days after it was due is "
        "marked failed and listed for a call.",
    )

    @api.constrains(
        "callback_survey_delay_hours",
        "callback_survey_reminder_days",
        "callback_survey_followup_score",
        "callback_survey_expiry_days",
        "callback_survey_channel",
    )
    def _check_callback_survey_settings(self):
        for company in self:
            if (
                company.callback_survey_delay_hours < 0
                or company.callback_survey_reminder_days < 0
                or company.callback_survey_expiry_days < 0
            ):
                raise ValidationError(self.env._("Survey settings cannot be negative."))
            if not 0 <= company.callback_survey_followup_score <= 5:
                raise ValidationError(
                    self.env._(
                        "The score that brings a supervisor callback must be between 1 and 5 (0 = never)."  # noqa: E501
                    )
                )
            if company.callback_survey_channel == "sms" and not self._callback_sms_available():
                raise ValidationError(
                    self.env._("Surveys can only be sent by SMS when Odoo's SMS app is installed.")
                )

    @api.model
    def _callback_sms_available(self):
        """Odoo's ``sms`` is optional: detected in the registry at run time."""
        return "sms.sms" in self.env

    def _callback_survey(self):
        self.ensure_one()
        return self.callback_survey_id or self.env.ref(
            "customer_callback_survey.survey_satisfaction", raise_if_not_found=False
        )

    def _callback_survey_template(self, reminder=False):
        self.ensure_one()
        if reminder:
            return self.callback_survey_reminder_template_id or self.env.ref(
                "customer_callback_survey.mail_template_survey_reminder", raise_if_not_found=False
            )
        return self.callback_survey_mail_template_id or self.env.ref(
            "customer_callback_survey.mail_template_survey_request", raise_if_not_found=False
        )

    def _callback_survey_followup_rule(self):
        """The rule of low-score follow-ups; a company without one gets a
        copy of the default rule."""
        self.ensure_one()
        rule = self.callback_survey_followup_rule_id
        if rule:
            return rule
        # sudo: the default rule belongs to the main company, which the users
        # of another company may not read
        default = self.env.ref(
            "customer_callback_survey.rule_survey_followup", raise_if_not_found=False
        )
        default = default and default.sudo()
        if default and default.company_id == self:
            return default.with_env(self.env)
        Rule = self.env["customer.callback.rule"].sudo()
        script = self.env.ref(
            "customer_callback_survey.script_survey_followup", raise_if_not_found=False
        )
        if default:
            rule = default.copy({"company_id": self.id})
        else:
            rule = Rule.create(
                {
                    "name": self.env._("Low satisfaction: supervisor callback"),
                    "company_id": self.id,
                    "segment": "feedback_history",
                    "trigger": "manual",
                    "assignment": "team",
                    "ignore_fatigue": True,
                    "script_id": script.id if script else False,
                }
            )
        self.sudo().callback_survey_followup_rule_id = rule
        return rule.with_env(self.env)
