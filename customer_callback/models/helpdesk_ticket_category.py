# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    """Ticket classification (001 §4.2: "classified by nature").

    We extend helpdesk_mgmt's ticket category instead of adding a complaint
    type model: tickets already carry ``category_id``, the helpdesk views,
    filters, portal and reports group by it, and a complaint is a ticket —
    a second classification would have to be kept in step with it.
    The category also routes the ticket (SPEC §4: technical → tech support,
    service → after-sales).
    """

    _inherit = "helpdesk.ticket.category"

    routing_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Route to team",
        help="Tickets of this category go to this team unless a team is given.",
    )
    routing_user_id = fields.Many2one(
        "res.users",
        string="Route to owner",
        domain=[("share", "=", False)],
        help="Tickets of this category are owned by this user unless an owner is given.",
    )
