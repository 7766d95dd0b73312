# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ticket opened for a dissatisfied spot-checked customer is a complaint."""

from odoo import api, models
from odoo.fields import Domain


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    @api.model
    def _spot_check_ticket_domain(self):
        return super()._spot_check_ticket_domain() & Domain("is_complaint", "=", True)

    def _spot_check_ticket_vals(self):
        return dict(super()._spot_check_ticket_vals(), is_complaint=True)
