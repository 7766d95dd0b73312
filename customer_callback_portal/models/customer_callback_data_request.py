# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer's request for the export or the erasure of his callback data
(issue #20), made on his personal page: a record for the administrators,
with an activity, handled with the existing functions (the care record
sheet for the export, ``res.partner.action_erase_callback_data`` for the
erasure)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

KINDS = [("export", "Export of my data"), ("erase", "Erasure of my data")]
STATES = [("new", "To handle"), ("done", "Done"), ("refused", "Refused")]
# a request in these states is handled: asking again makes a new one
CLOSED_STATES = ("done", "refused")


class CustomerCallbackDataRequest(models.Model):
    _name = "customer.callback.data.request"
    _description = "Customer Data Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(KINDS, required=True, readonly=True, tracking=True)
    state = fields.Selection(STATES, required=True, default="new", readonly=True, tracking=True)
    note = fields.Text(string="Customer's note", readonly=True)
    handled_by_id = fields.Many2one("res.users", string="Handled by", readonly=True)
    handled_date = fields.Datetime(string="Handled on", readonly=True)

    @api.depends("partner_id", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for request in self:
            request.display_name = f"{kinds.get(request.kind)} – {request.partner_id.display_name}"

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for request in requests:
            admin = request.company_id.callback_supervisor_id.filtered(
                lambda user: user.has_group("base.group_system")
            ) or self.env.ref("base.user_admin")
            request.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=admin.id,
                summary=self.env._("Customer data request: %s", request.display_name),
            )
        return requests

    def _check_admin(self):
        if not self.env.is_admin():
            raise AccessError(self.env._("Only administrators handle customers' data requests."))
        if self.filtered(lambda request: request.state != "new"):
            raise UserError(self.env._("This request has already been handled."))

    def _close(self, state, body):
        self.write(
            {
                "state": state,
                "handled_by_id": self.env.user.id,
                "handled_date": fields.Datetime.now(),
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=body)
        for request in self:
            request.partner_id._message_log(body=body)

    def action_erase(self):
        """Erase the customer's callback data (the existing erase function)."""
        self._check_admin()
        erase = self.filtered(lambda request: request.kind == "erase")
        if erase != self:
            raise UserError(self.env._("Only erasure requests erase data."))
        erase.partner_id.action_erase_callback_data()
        erase._close("done", self.env._("Data erasure request carried out."))
        return True

    def action_export(self):
        """The customer's callbacks, to send him (``_callback_data_export_action``)."""
        self.ensure_one()
        self._check_admin()
        callbacks = (
            self.env["customer.callback"]
            .with_context(active_test=False)
            .search([("partner_id", "=", self.partner_id.id)])
        )
        if not callbacks:
            raise UserError(self.env._("This customer has no callback data to export."))
        self._close("done", self.env._("Data export request carried out."))
        return self._callback_data_export_action(callbacks)

    def _callback_data_export_action(self, callbacks):
        """What the administrator gets to send the customer: his callbacks in
        a list, to export with Odoo's export. customer_callback_report
        returns the care record sheet (XLSX) instead."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Callbacks of %s", self.partner_id.display_name),
            "res_model": "customer.callback",
            "view_mode": "list,form",
            "domain": [("id", "in", callbacks.ids)],
            "context": {"active_test": False},
        }

    def action_refuse(self):
        self._check_admin()
        self._close("refused", self.env._("Data request refused by %s.", self.env.user.name))
        return True
