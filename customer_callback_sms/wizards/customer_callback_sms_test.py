# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.customer_callback_sms_template import KINDS


class CustomerCallbackSmsTest(models.TransientModel):
    _name = "customer.callback.sms.test"
    _description = "Send a Test SMS"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True
    )
    number = fields.Char(string="Test mobile number", required=True)
    kind = fields.Selection(
        KINDS, string="Test message kind", required=True, default="after_attempts"
    )

    def action_send(self):
        """Send a test message now with the kind's template; the result is
        shown (and kept in the SMS list)."""
        self.ensure_one()
        line = self.env["customer.callback.sms"]._callback_sms_send_test(
            self.company_id, self.number, self.kind
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
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
