# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CustomerCallbackSample(models.AbstractModel):
    _inherit = "customer.callback.sample"

    @api.model
    def _sample_partner_models(self):
        """The sample customers' personal links and data requests go with them."""
        return [
            *super()._sample_partner_models(),
            "customer.callback.link",
            "customer.callback.data.request",
        ]
