# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    callback_sms_provider = fields.Selection(
        related="company_id.callback_sms_provider", readonly=False
    )
    callback_sms_sign_name = fields.Char(
        related="company_id.callback_sms_sign_name", readonly=False
    )
    callback_sms_daily_quota = fields.Integer(
        related="company_id.callback_sms_daily_quota", readonly=False
    )
    callback_sms_test_number = fields.Char(
        string="Test mobile number", help="Send a test message to this number."
    )
    callback_sms_test_kind = fields.Selection(
        selection=lambda self: self.env["customer.callback.sms"]._fields["kind"].selection,
        string="Test message kind",
        default="after_attempts",
    )

    def action_callback_sms_templates(self):
        self.ensure_one()
        return self.company_id._callback_sms_template_action()

    def action_callback_sms_test(self):
        """Send a test message now with the kind's template; the result is
        shown (and kept in the SMS list)."""
        self.ensure_one()
        line = self.env["customer.callback.sms"]._callback_sms_send_test(
            self.company_id, self.callback_sms_test_number, self.callback_sms_test_kind
        )
        ok = line.state in ("sent", "delivered")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Test SMS"),
                "message": self.env._(
                    "Sent: the provider took the message (%s).", line.provider_ref
                )
                if ok
                else self.env._("Not sent: %s", line.failure_reason),
                "type": "success" if ok else "danger",
                "sticky": not ok,
            },
        }
