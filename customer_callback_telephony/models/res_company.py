# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import call_events


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_telephony_provider = fields.Selection(
        [("none", "None")],
        string="Phone system",
        default="none",
        required=True,
        help="The phone system the agents call through. None: attempts are logged by hand.",
    )
    callback_telephony_manual_attempts = fields.Boolean(
        string="Agents may still log attempts by hand",
        default=True,
        help="Off: phone attempts come from the phone system only (supervisors may still log one).",
    )
    callback_telephony_short_call_seconds = fields.Integer(
        string="Hang-up after connecting within (s)",
        default=10,
        help="A call the customer ends within this many seconds of answering counts as "
        "a hang-up after connecting (scored by the attempt policy).",
    )
    callback_telephony_busy_retry_minutes = fields.Integer(
        string="Retry a busy number after (min)",
        default=30,
        help="A busy customer is called again later in the same call window.",
    )
    callback_telephony_keypad_scale = fields.Selection(
        [
            (call_events.KEYPAD_ONE_BEST, "1 = very satisfied … 5 = very dissatisfied"),
            (call_events.KEYPAD_FIVE_BEST, "5 = very satisfied … 1 = very dissatisfied"),
        ],
        string="Keypad satisfaction scale",
        default=call_events.KEYPAD_ONE_BEST,
        required=True,
    )
    callback_telephony_followup_score = fields.Integer(
        string="Supervisor callback at or below keypad score",
        default=2,
        help="A keypad satisfaction at or below this score (on the 5-point scale) makes a "
        "supervisor call the customer back (0 = never).",
    )
    callback_telephony_followup_rule_id = fields.Many2one(
        "customer.callback.rule",
        string="Keypad follow-up rule",
        help="Rule of the supervisor callbacks after a low keypad score. Empty: created "
        "when first needed.",
    )

    @api.constrains(
        "callback_telephony_short_call_seconds",
        "callback_telephony_busy_retry_minutes",
        "callback_telephony_followup_score",
    )
    def _check_callback_telephony(self):
        for company in self:
            if not 0 <= company.callback_telephony_short_call_seconds <= 600:
                raise ValidationError(
                    self.env._("The hang-up threshold must lie between 0 and 600 seconds.")
                )
            if not 1 <= company.callback_telephony_busy_retry_minutes <= 720:
                raise ValidationError(
                    self.env._("The busy retry must lie between 1 and 720 minutes.")
                )
            if not 0 <= company.callback_telephony_followup_score <= 5:
                raise ValidationError(
                    self.env._(
                        "The keypad score that brings a supervisor callback must be between "
                        "1 and 5 (0 = never)."
                    )
                )

    def _callback_telephony_followup_rule(self):
        self.ensure_one()
        rule = self.sudo().callback_telephony_followup_rule_id
        if rule:
            return rule
        rule = (
            self.env["customer.callback.rule"]
            .sudo()
            .create(
                {
                    "name": self.env._("Low keypad satisfaction: supervisor callback"),
                    "company_id": self.id,
                    "segment": "feedback_history",
                    "trigger": "manual",
                    "channel": "phone",
                    "assignment": "team",
                    "ignore_fatigue": True,
                }
            )
        )
        self.sudo().callback_telephony_followup_rule_id = rule
        return rule

    def _callback_telephony_dial(self, callback):
        """Ask the company's phone system to call the customer of
        ``callback``; returns the call's provider-neutral values (at least
        ``call_ref``). Adapters implement ``_callback_telephony_dial_<provider>``."""
        self.ensure_one()
        method = getattr(self, f"_callback_telephony_dial_{self.callback_telephony_provider}", None)
        if method is None:
            raise UserError(
                self.env._(
                    "No phone system is set for %s: choose one in Settings, or call and log "
                    "the attempt by hand.",
                    self.name,
                )
            )
        return method(callback)
