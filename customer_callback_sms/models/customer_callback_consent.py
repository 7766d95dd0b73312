# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CustomerCallbackConsent(models.Model):
    _inherit = "customer.callback.consent"

    source = fields.Selection(
        selection_add=[("customer_sms", "Customer SMS")],
        ondelete={"customer_sms": "set default"},
    )

    def _act_on_withdrawals(self):
        result = super()._act_on_withdrawals()
        # no SMS leaves after the customer's 'no' (whoever recorded it)
        withdrawn = self.filtered(
            lambda line: line.purpose == "contact"
            and line.decision == "withdrawn"
            and line.channel in (False, "sms")
        )
        if withdrawn:
            self.env["customer.callback.sms"]._callback_sms_stop_pending(withdrawn)
        return result
