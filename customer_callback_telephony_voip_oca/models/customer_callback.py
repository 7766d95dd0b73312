# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.customer_callback_telephony.tools import call_events

from .customer_callback_call import PROVIDER

DIAL_ACTION = "customer_callback_telephony_voip_oca.dial"


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    def action_telephony_dial(self):
        """Through the softphone the browser dials: the callback starts here,
        and the client action dials its customer with voip_oca's softphone
        (its ``voip.call`` then feeds the call record)."""
        self.ensure_one()
        if self.company_id.callback_telephony_provider != PROVIDER:
            return super().action_telephony_dial()
        self.check_access("write")
        self._check_open()
        phone = self.partner_id.phone
        if not phone:
            raise UserError(
                self.env._("%s has no phone number to call.", self.partner_id.display_name)
            )
        if not self.env.user.voip_pbx_id:
            raise UserError(
                self.env._(
                    "Your softphone is not set up: an administrator chooses your PBX on your "
                    "user, with your VoIP user name and password."
                )
            )
        self.action_start()
        return {
            "type": "ir.actions.client",
            "tag": DIAL_ACTION,
            "params": {
                "callback_id": self.id,
                "number": phone,
                "partner_id": self.partner_id.id,
            },
        }

    def voip_oca_link_call(self, voip_call_id):
        """The softphone call the agent just dialled from this callback
        (the *Call* button) is this callback's call, whatever number matching
        would say. Only the agent's own outgoing call to the customer's number."""
        self.ensure_one()
        self.check_access("write")
        voip_call = self.env["voip.call"].browse(int(voip_call_id)).exists()
        if (
            not voip_call
            or voip_call.user_id != self.env.user
            or voip_call.type_call != "outgoing"
            or call_events.normalize_number(voip_call.phone_number)
            != call_events.normalize_number(self.partner_id.phone)
        ):
            raise UserError(self.env._("This softphone call is not your call to this customer."))
        Call = self.env["customer.callback.call"].sudo()
        record = Call.search([("voip_call_id", "=", voip_call.id)])
        if not record:
            record = voip_call._callback_telephony_feed(company=self.company_id)
        if not record or record.callback_id or record.state not in ("ongoing", "unmatched"):
            return False
        record.write({"callback_id": self.id, "company_id": self.company_id.id})
        if record.state == "unmatched":
            record.action_link_callback()
        return True
