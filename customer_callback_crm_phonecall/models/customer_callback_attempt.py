# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.customer_callback.tools import phone_log


class CustomerCallbackAttempt(models.Model):
    _inherit = "customer.callback.attempt"

    phonecall_id = fields.Many2one(
        "crm.phonecall",
        string="Phone call",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups="sales_team.group_sale_salesman",
        help="The CRM phone call logged for this attempt (the customer's Calls).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        attempts = super().create(vals_list)
        attempts._callback_log_phonecalls()
        return attempts

    def _callback_log_phonecalls(self):
        """A held or cancelled outgoing CRM phone call per phone attempt,
        created in one batch."""
        attempts = self.sudo().filtered(
            lambda attempt: phone_log.is_phone_call(attempt.channel) and not attempt.phonecall_id
        )
        if not attempts:
            return self.env["crm.phonecall"]
        results = dict(self._fields["result"].get_description(self.env)["selection"])
        calls = (
            self.env["crm.phonecall"]
            .sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(
                [
                    {
                        "name": self.env._(
                            "Callback %(callback)s: %(result)s",
                            callback=attempt.callback_id.name,
                            result=results.get(attempt.result, attempt.result),
                        ),
                        "partner_id": attempt.partner_id.id,
                        "partner_phone": attempt.partner_id.phone,
                        "user_id": attempt.user_id.id,
                        "company_id": attempt.company_id.id,
                        "date": attempt.attempt_date,
                        "direction": "out",
                        "state": phone_log.phonecall_state(attempt.result),
                        "description": attempt.note or False,
                        "callback_attempt_id": attempt.id,
                    }
                    for attempt in attempts
                ]
            )
        )
        for attempt, call in zip(attempts, calls, strict=True):
            attempt.phonecall_id = call
        return calls
