# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_terms_month = fields.Date(
        string="High-frequency terms computed up to",
        readonly=True,
        help="The last month whose high-frequency terms the monthly scheduled action "
        "computed (first day of the month).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # each company edits its own stop words of the high-frequency terms
        self.env["customer.callback.stop.word"]._load_default_stop_words(companies)
        return companies
