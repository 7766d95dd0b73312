# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The company restriction on the survey answers of the suite's complaints
and callbacks (issue #28, 7).

It is a global record rule in effect, written in Python rather than as an
``ir.rule`` record: a record's domain names the fields this addon adds to
``survey.user_input`` (``ticket_id``, ``callback_id``), and the rules are read
from the database whatever modules the registry holds. When a registry is
loaded only up to ``survey`` (``-u survey --test-enable`` runs survey's own
tests right after loading it), such a rule names fields that do not exist yet
and every access to the answers fails (``Invalid field
survey.user_input.ticket_id``). This override exists only in a registry
holding this addon, where the fields exist; every caller of the record
rules (searches, reads, writes, deletions, creations; never the superuser)
gets it, as it got the rule."""

from odoo import api, models


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _compute_domain(self, model_name, mode="read"):
        domain = super()._compute_domain(model_name, mode)
        if model_name == "survey.user_input" and not self.env.su:
            model = self.env[model_name]
            domain = (domain & model._callback_company_domain()).optimize(model)
        return domain
