# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The callbacks' side of complaints: a complaint's follow-up callback closes
the loop (an unsolved or badly scored one reopens the complaint)."""

from odoo import models


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    def _after_done(self):
        result = super()._after_done()
        # an unsolved or badly scored complaint callback reopens its ticket
        self.env["helpdesk.ticket"]._complaint_reopen_from_callbacks(self.filtered("ticket_id"))
        return result
