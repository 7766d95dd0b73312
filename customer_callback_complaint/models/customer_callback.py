# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The callbacks' side of complaints: a complaint's follow-up callback closes
the loop (an unsolved or badly scored one reopens the complaint), and the
ticket opened for a dissatisfied spot-checked customer is a complaint."""

from odoo import api, models
from odoo.fields import Domain


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    def _after_done(self):
        result = super()._after_done()
        # an unsolved or badly scored complaint callback reopens its ticket
        self.env["helpdesk.ticket"]._complaint_reopen_from_callbacks(self.filtered("ticket_id"))
        return result

    @api.model
    def _spot_check_ticket_domain(self):
        return super()._spot_check_ticket_domain() & Domain("is_complaint", "=", True)

    def _spot_check_ticket_vals(self):
        return dict(super()._spot_check_ticket_vals(), is_complaint=True)
