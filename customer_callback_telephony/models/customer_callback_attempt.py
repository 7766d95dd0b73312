# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CustomerCallbackAttempt(models.Model):
    _inherit = "customer.callback.attempt"

    @api.model_create_multi
    def create(self, vals_list):
        # every path (form buttons, the attempts list, RPC, an import): an
        # agent logs no phone attempt by hand when the phone system records them
        callbacks = self.env["customer.callback"].browse(
            [
                vals["callback_id"]
                for vals in vals_list
                if vals.get("callback_id") and (vals.get("channel") or "phone") == "phone"
            ]
        )
        callbacks._check_telephony_manual_attempts()
        return super().create(vals_list)
