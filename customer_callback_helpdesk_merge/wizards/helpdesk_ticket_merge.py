# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HelpdeskTicketMerge(models.TransientModel):
    _inherit = "helpdesk.ticket.merge"

    def merge_tickets(self):
        """The merged tickets' callbacks (with their attempts) and, with the
        survey addon, their satisfaction requests and answers follow the
        surviving ticket."""
        # read before merging: the merge archives them, and a many2many
        # leaves archived records out
        tickets = {wizard: wizard.ticket_ids for wizard in self}
        action = super().merge_tickets()
        for wizard in self:
            tickets[wizard]._callback_merge_into(wizard.dst_ticket_id)
        return action
