# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.customer_callback.models.customer_callback import average_ignoring_zero

from .customer_callback import check_survey_score_write
from .customer_callback_survey_request import SURVEY_STATUSES

AGENT_GROUP = "customer_callback.customer_callback_group_agent"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    survey_score = fields.Integer(
        string="Survey satisfaction",
        readonly=True,
        copy=False,
        aggregator="avg",
        tracking=True,
        groups=AGENT_GROUP,
        help="Overall score of the customer's satisfaction survey (5-point scale).",
    )
    survey_request_ids = fields.One2many(
        "customer.callback.survey.request",
        "ticket_id",
        string="Satisfaction surveys",
        groups=AGENT_GROUP,
    )
    survey_status = fields.Selection(
        SURVEY_STATUSES,
        string="Survey status",
        compute="_compute_survey_status",
        groups=AGENT_GROUP,
        help="Status of the latest satisfaction survey of this ticket.",
    )

    @api.depends("survey_request_ids.survey_status")
    def _compute_survey_status(self):
        latest = {}
        requests = self.env["customer.callback.survey.request"].search(
            [("ticket_id", "in", self.ids)], order="id"
        )
        for request in requests:
            latest[request.ticket_id.id] = request.survey_status
        for ticket in self:
            ticket.survey_status = latest.get(ticket._origin.id, False)

    def _read_group_select(self, aggregate_spec, query):
        select = average_ignoring_zero(self, aggregate_spec, query, ("survey_score",))
        if select is not None:
            return select
        return super()._read_group_select(aggregate_spec, query)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_survey_score_write(self, vals)
        return super().create(vals_list)

    def write(self, vals):
        check_survey_score_write(self, vals)
        result = super().write(vals)
        if vals.get("stage_id"):
            closed = self.filtered(lambda t: t.stage_id.closed)
            if closed:
                self.env["customer.callback.survey.request"].sudo()._queue_for_tickets(
                    ticket_ids=closed.ids
                )
        return result

    def _callback_merge_into(self, target):
        """The merged tickets' survey requests and answers follow ``target``;
        each ticket-level request keeps the ticket it was queued for (and
        ``target`` is still surveyed when it closes: the contact cap keeps a
        customer from being asked twice)."""
        callbacks = super()._callback_merge_into(target)
        merged = self - target
        requests = (
            self.env["customer.callback.survey.request"]
            .sudo()
            .search([("ticket_id", "in", merged.ids)])
        )
        for ticket, ticket_requests in requests.grouped("ticket_id").items():
            queued_for = ticket_requests.filtered(
                lambda r: not r.callback_id and not r.merged_from_ticket_id
            )
            if queued_for:
                queued_for.write({"merged_from_ticket_id": ticket.id})
        if requests:
            requests.write({"ticket_id": target.id})
        inputs = self.env["survey.user_input"].sudo().search([("ticket_id", "in", merged.ids)])
        if inputs:
            inputs.write({"ticket_id": target.id})
        return callbacks

    def action_view_survey_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback_survey.customer_callback_survey_request_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {}
        return action
