# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Compute the high-frequency terms of one month now: after editing the stop
words, or for the month so far (the scheduled action computes each month
once it has ended)."""

from datetime import date

from odoo import fields, models
from odoo.exceptions import UserError

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


class CustomerCallbackTermCompute(models.TransientModel):
    _name = "customer.callback.term.compute"
    _description = "Compute High-frequency Terms"

    def _today(self):
        return fields.Date.context_today(self)

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    year = fields.Integer(required=True, default=lambda self: self._today().year)
    month = fields.Selection(MONTHS, required=True, default=lambda self: str(self._today().month))

    def action_compute(self):
        self.ensure_one()
        self.env["customer.callback"]._check_callback_supervisor()
        self.check_access("write")
        if not 2000 <= self.year <= 2999:
            raise UserError(self.env._("Enter a year between 2000 and 2999."))
        month = date(self.year, int(self.month), 1)
        self.env["customer.callback.term"]._compute_month(self.company_id, month)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback_term.customer_callback_term_action"
        )
        action["domain"] = [("company_id", "=", self.company_id.id), ("month", "=", month)]
        action["context"] = {"search_default_filter_terms": 1}
        return action
