# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

AGENT_GROUP = "customer_callback.customer_callback_group_agent"


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    def _callback_agent_ids(self):
        """Team id -> the ids of its members who can take callbacks (active
        internal users with the Callback Agent role), by id: the members a
        callback may be given to, balanced by load. A member without the
        role could not see the callback."""
        # one read of the role's users for every team (not one per member)
        agents = set(
            self.env.ref(AGENT_GROUP)
            .sudo()
            .all_user_ids.filtered(lambda user: user.active and not user.share)
            .ids
        )
        result = {}
        for team in self.sudo():
            result[team.id] = sorted(set(team.user_ids.ids) & agents)
        return result
