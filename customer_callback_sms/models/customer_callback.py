# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.customer_callback.models.customer_callback import CLOSED_STATES
from odoo.addons.customer_callback.tools import attempt_policy

from ..tools import sms_rules


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    callback_sms_ids = fields.One2many("customer.callback.sms", "callback_id", string="SMS")
    callback_sms_count = fields.Integer(string="SMS count", compute="_compute_callback_sms_count")

    @api.depends("callback_sms_ids")
    def _compute_callback_sms_count(self):
        for callback in self:
            callback.callback_sms_count = len(callback.callback_sms_ids)

    def _apply_attempt_policy(self):
        """After the failed attempts, when the SOP wants a message left
        before closing as unreachable and the company sends SMS through a
        provider: the message goes by SMS (once; a failed one is shown on the
        callback and is no message left)."""
        result = super()._apply_attempt_policy()
        todo = self.filtered(
            lambda c: c.state not in CLOSED_STATES
            and c.company_id.callback_sms_provider
            and c.company_id.callback_require_message
            and c.partner_id
        )
        if not todo:
            return result
        requests = []
        for callback in todo:
            decision = attempt_policy.evaluate(
                [
                    (a.result, a.slot)
                    for a in callback.attempt_ids.sorted(lambda a: (a.attempt_date, a.id))
                ],
                callback.company_id._callback_attempt_policy(),
            )
            if not decision.message_missing:
                continue
            if callback.sudo().callback_sms_ids.filtered(
                lambda line: line.kind == sms_rules.AFTER_ATTEMPTS
                and line.state in ("queued", "sent", "delivered")
            ):
                continue
            requests.append(
                {
                    "partner": callback.partner_id,
                    "company": callback.company_id,
                    "kind": sms_rules.AFTER_ATTEMPTS,
                    "callback": callback,
                    "values": {
                        "name": callback.partner_id.name,
                        "company": callback.company_id.name,
                        "link": callback._callback_sms_link(),
                    },
                }
            )
        if requests:
            lines = self.env["customer.callback.sms"]._callback_sms_queue(requests)
            for line in lines.filtered(lambda line: line.state == "queued"):
                line.callback_id.sudo().message_post(
                    body=self.env._(
                        "The message is sent by SMS (template %s): once the carrier reports "
                        "it delivered, it is the message left.",
                        line.template_code,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return result

    def _callback_sms_link(self):
        """The customer's personal page, when the installed addons give one
        (the link moves out of the core: read it through its public method
        only, and send without it otherwise)."""
        self.ensure_one()
        if "customer.callback.link" not in self.env:
            return ""
        link = (
            self.env["customer.callback.link"]
            .sudo()
            ._for_partner(self.partner_id, "contact", self.company_id)
        )
        return link._url() if link else ""

    def action_view_callback_sms(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("SMS"),
            "res_model": "customer.callback.sms",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("callback_id", "=", self.id)],
        }
