# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    is_complaint = fields.Boolean(
        string="Complaint",
        index=True,
        tracking=True,
        help="Complaints are classified, graded and followed by a callback once closed.",
    )
    origin_callback_id = fields.Many2one(
        "customer.callback",
        string="Raised during callback",
        index="btree_not_null",
        copy=False,
        groups="customer_callback.customer_callback_group_agent",
        help="The callback in which the customer raised this problem.",
    )
    callback_ids = fields.One2many(
        "customer.callback",
        "ticket_id",
        string="Callbacks",
        groups="customer_callback.customer_callback_group_agent",
    )
    callback_count = fields.Integer(
        compute="_compute_callback_count",
        string="Callbacks count",
        groups="customer_callback.customer_callback_group_agent",
    )

    def _compute_callback_count(self):
        counts = dict(
            self.env["customer.callback"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.callback_count = counts.get(ticket, 0)

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.customer_callback_action_all"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {
            "default_ticket_id": self.id,
            "default_partner_id": self.partner_id.id,
            "active_test": False,
        }
        return action
