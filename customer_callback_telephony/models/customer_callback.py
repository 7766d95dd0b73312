# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    call_ids = fields.One2many("customer.callback.call", "callback_id", string="Calls")
    call_count = fields.Integer(compute="_compute_call_count")
    telephony_dial_available = fields.Boolean(compute="_compute_telephony_dial_available")
    partner_phone_invalid = fields.Boolean(related="partner_id.callback_phone_invalid")

    def _compute_call_count(self):
        counts = dict(
            self.env["customer.callback.call"]._read_group(
                [("callback_id", "in", self.ids)], ["callback_id"], ["__count"]
            )
        )
        for callback in self:
            callback.call_count = counts.get(callback, 0)

    @api.depends("company_id.callback_telephony_provider")
    def _compute_telephony_dial_available(self):
        for callback in self:
            callback.telephony_dial_available = (
                callback.company_id.callback_telephony_provider != "none"
            )

    def action_telephony_dial(self):
        """Call the customer through the company's phone system: the callback
        starts, and the call record waits for the system's events."""
        self.ensure_one()
        self.check_access("write")
        self._check_open()
        phone = self.partner_id.phone
        if not phone:
            raise UserError(
                self.env._("%s has no phone number to call.", self.partner_id.display_name)
            )
        self.action_start()
        values = self.company_id._callback_telephony_dial(self)
        self.env["customer.callback.call"].sudo()._telephony_ingest(
            [
                {
                    "provider": self.company_id.callback_telephony_provider,
                    "company_id": self.company_id.id,
                    "direction": "outbound",
                    "callee_number": phone,
                    "callback_id": self.id,
                    "user_id": self.env.user.id,
                    **values,
                }
            ]
        )
        return True

    def action_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback_telephony.customer_callback_call_action"
        )
        action["domain"] = [("callback_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_log_attempt(self):
        self._check_telephony_manual_attempts()
        return super().action_log_attempt()

    def _check_telephony_manual_attempts(self):
        """With a phone system whose attempts may not be logged by hand, an
        agent's phone attempts come from the phone system only."""
        if self.env.su or self.env.user.has_group(
            "customer_callback.customer_callback_group_supervisor"
        ):
            return
        for callback in self:
            company = callback.company_id
            if (
                company.callback_telephony_provider != "none"
                and not company.callback_telephony_manual_attempts
                and callback.channel == "phone"
            ):
                raise UserError(
                    self.env._(
                        "Phone attempts of %s come from the phone system: call with the "
                        "Call button, or ask a supervisor.",
                        company.name,
                    )
                )
