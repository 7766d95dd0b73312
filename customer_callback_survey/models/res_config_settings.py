# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_survey_id = fields.Many2one(related="company_id.callback_survey_id", readonly=False)
    callback_survey_delay_hours = fields.Float(
        related="company_id.callback_survey_delay_hours", readonly=False
    )
    callback_survey_on_complaint = fields.Boolean(
        related="company_id.callback_survey_on_complaint", readonly=False
    )
    callback_survey_on_ticket = fields.Boolean(
        related="company_id.callback_survey_on_ticket", readonly=False
    )
    callback_survey_rule_ids = fields.Many2many(
        related="company_id.callback_survey_rule_ids", readonly=False
    )
    callback_survey_channel = fields.Selection(
        related="company_id.callback_survey_channel", readonly=False
    )
    callback_survey_mail_template_id = fields.Many2one(
        related="company_id.callback_survey_mail_template_id", readonly=False
    )
    callback_survey_reminder_template_id = fields.Many2one(
        related="company_id.callback_survey_reminder_template_id", readonly=False
    )
    callback_survey_reminder_days = fields.Integer(
        related="company_id.callback_survey_reminder_days", readonly=False
    )
    callback_survey_followup_score = fields.Integer(
        related="company_id.callback_survey_followup_score", readonly=False
    )
    callback_survey_followup_rule_id = fields.Many2one(
        related="company_id.callback_survey_followup_rule_id", readonly=False
    )
    callback_survey_expiry_days = fields.Integer(
        related="company_id.callback_survey_expiry_days", readonly=False
    )
    callback_survey_sms_available = fields.Boolean(compute="_compute_callback_survey_sms_available")

    @api.depends("company_id")
    def _compute_callback_survey_sms_available(self):
        available = self.env["res.company"]._callback_sms_available()
        for settings in self:
            settings.callback_survey_sms_available = available
