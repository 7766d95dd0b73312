# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tickets raised from callbacks (SPEC §4, seed 001): the callback a ticket
was raised in and the callbacks following it up, the routing by category
(technical → tech support, service → after-sales) and the reply promised to
the customer. Complaints (grades, deadlines, reminders) are
customer_callback_complaint's."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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

    promised_reply_date = fields.Datetime(
        string="Promised reply",
        copy=False,
        tracking=True,
        help="When the customer was promised an answer.",
    )

    def _callbacks_domain(self):
        """The callbacks of these tickets: those following them up and the
        callback each ticket was raised in."""
        return Domain("ticket_id", "in", self.ids) | Domain(
            "id", "in", self.sudo().origin_callback_id.ids
        )

    def _compute_callback_count(self):
        callbacks = (
            self.env["customer.callback"]
            .with_context(active_test=False)
            .search_fetch(self._callbacks_domain(), ["ticket_id"])
        )
        for ticket in self:
            ticket.callback_count = len(
                callbacks.filtered(
                    lambda c, t=ticket: c.ticket_id == t or c == t.sudo().origin_callback_id
                )
            )

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.customer_callback_action_all"
        )
        action["domain"] = [
            "|",
            ("ticket_id", "=", self.id),
            ("id", "in", self.sudo().origin_callback_id.ids),
        ]
        action["context"] = {
            "default_ticket_id": self.id,
            "default_partner_id": self.partner_id.id,
            "active_test": False,
        }
        return action

    def _callback_merge_into(self, target):
        """These tickets were merged into ``target`` (e.g. by OCA
        helpdesk_mgmt_merge, through the bridge addon): their callbacks (and
        so their attempts) follow up ``target`` from now on. Addons move
        their own records by extending this."""
        target.ensure_one()
        callbacks = (
            self.env["customer.callback"]
            .sudo()
            .with_context(active_test=False)
            .search([("ticket_id", "in", (self - target).ids)])
        )
        if callbacks:
            callbacks.write({"ticket_id": target.id})
        return callbacks

    @api.model
    def _callback_problem_domain(self, start, end):
        """The problems customers raised in [start, end) (naive UTC), for the
        high-frequency problems and terms: the tickets raised during
        callbacks. A hook: customer_callback_complaint adds the complaints
        received."""
        return (
            Domain("origin_callback_id", "!=", False)
            & Domain("create_date", ">=", start)
            & Domain("create_date", "<", end)
        )

    # ------------------------------------------------------------------
    # Routing and the promised reply
    # ------------------------------------------------------------------

    def _ticket_routing_vals(self, category, vals):
        """Team and owner from the category, unless given explicitly."""
        routed = {}
        if category.routing_team_id and not vals.get("team_id"):
            routed["team_id"] = category.routing_team_id.id
        if category.routing_user_id and not vals.get("user_id"):
            routed["user_id"] = category.routing_user_id.id
        return routed

    @api.model_create_multi
    def create(self, vals_list):
        callback_channel = self.env.ref(
            "customer_callback.helpdesk_ticket_channel_callback", raise_if_not_found=False
        )
        Category = self.env["helpdesk.ticket.category"].sudo()
        for vals in vals_list:
            if vals.get("origin_callback_id") and not vals.get("channel_id") and callback_channel:
                vals["channel_id"] = callback_channel.id
            category = Category.browse(vals.get("category_id"))
            if category:
                vals.update(self._ticket_routing_vals(category, vals))
        tickets = super().create(vals_list)
        tickets.filtered("promised_reply_date")._ticket_propagate_promise()
        return tickets

    def write(self, vals):
        if vals.get("category_id") and not self.env.context.get("callback_no_routing"):
            category = self.env["helpdesk.ticket.category"].sudo().browse(vals["category_id"])
            vals = dict(vals, **self._ticket_routing_vals(category, vals))
        result = super().write(vals)
        if "promised_reply_date" in vals and vals["promised_reply_date"]:
            self._ticket_propagate_promise()
        return result

    def _ticket_propagate_promise(self):
        """The customer's latest promised reply is the one just given."""
        by_date = defaultdict(set)
        for ticket in self.filtered(lambda t: t.partner_id and t.promised_reply_date):
            by_date[ticket.promised_reply_date].add(ticket.partner_id.id)
        for date, partner_ids in by_date.items():
            self.env["res.partner"].sudo().browse(partner_ids).write({"promised_reply_date": date})
