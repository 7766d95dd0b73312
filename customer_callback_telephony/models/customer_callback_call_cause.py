# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from .customer_callback_call import OUTCOMES


class CustomerCallbackCallCause(models.Model):
    """What each provider's end status or hang-up cause means for the
    attempt. Shipped defaults have no company; a company's own line for the
    same cause overrides them."""

    _name = "customer.callback.call.cause"
    _description = "Phone Call Cause"
    _order = "provider, sequence, code"
    _rec_name = "code"

    provider = fields.Selection(
        selection=lambda self: self.env["customer.callback.call"]._fields["provider"].selection,
        required=True,
    )
    code = fields.Char(string="Cause", required=True, help="The provider's code, as it sends it.")
    name = fields.Char(string="Meaning", translate=True)
    outcome = fields.Selection(OUTCOMES, required=True)
    company_id = fields.Many2one(
        "res.company", help="Empty: the shipped default for every company."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _cause_unique = models.UniqueIndex("(provider, code, COALESCE(company_id, 0)) WHERE active")

    @api.model
    def _outcome_for(self, provider, code, company):
        """The outcome of ``code``: the company's line, else the default;
        None when the cause is unknown."""
        if not code:
            return None
        return self._table_of(provider, company.id).get(str(code).strip())

    @api.model
    @tools.ormcache("provider", "company_id")
    def _table_of(self, provider, company_id):
        table = {}
        for cause in self.sudo().search(
            [("provider", "=", provider), ("company_id", "in", [False, company_id])],
            order="company_id nulls first",
        ):
            table[cause.code] = cause.outcome
        return table

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)
