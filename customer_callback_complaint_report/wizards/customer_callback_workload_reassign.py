# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CustomerCallbackWorkloadReassign(models.TransientModel):
    """The open complaints of the agents selected are reassigned with their
    callbacks."""

    _inherit = "customer.callback.workload.reassign"

    include_complaints = fields.Boolean(string="Complaints", default=True)
    complaint_count = fields.Integer(
        string="Complaints to reassign", compute="_compute_complaint_count"
    )

    @api.depends("from_user_ids", "scope", "include_complaints")
    def _compute_complaint_count(self):
        for wizard in self:
            tickets = [r for r in wizard._records() if r._name == "helpdesk.ticket"]
            wizard.complaint_count = sum(len(records) for records in tickets)

    def _records(self):
        record_sets = super()._records()
        Ticket = self.env["helpdesk.ticket"]
        users = self.from_user_ids._origin
        complaints = Ticket.browse()
        if users and self.include_complaints:
            complaints = Ticket.search(
                self.env["customer.callback.workload"]._complaint_domain(users, self.scope),
                order="resolution_deadline, id",
            )
        return record_sets + [complaints]

    def _open_load_domain(self, model):
        if model != "helpdesk.ticket":
            return super()._open_load_domain(model)
        return [("is_complaint", "=", True), ("stage_id.closed", "!=", True)]

    def _reassigned_text(self, records):
        if records._name != "helpdesk.ticket":
            return super()._reassigned_text(records)
        return self.env._("%s complaints", len(records))
