# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.customer_callback_sms.tools import sms_rules


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def write(self, vals):
        closing = self.browse()
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed:
                closing = self.filtered(
                    lambda t: (t.is_complaint or vals.get("is_complaint")) and not t.stage_id.closed
                )
        result = super().write(vals)
        closing = closing.filtered(lambda t: t.partner_id and t.company_id.callback_sms_provider)
        if closing:
            closing._callback_sms_tell_result()
        return result

    def _callback_sms_tell_result(self):
        """The customer is told the result of his complaint by SMS."""
        self.env["customer.callback.sms"]._callback_sms_queue(
            [
                {
                    "partner": ticket.partner_id,
                    "company": ticket.company_id,
                    "kind": sms_rules.COMPLAINT_RESULT,
                    "ticket": ticket,
                    "values": {
                        "name": ticket.partner_id.name,
                        "company": ticket.company_id.name,
                        "ticket": ticket.number or ticket.name,
                        "result": (ticket.resolution_summary or "")[:60],
                    },
                }
                for ticket in self
            ]
        )
