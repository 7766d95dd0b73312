# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    callback_quarterly_mail = fields.Boolean(
        string="Quarter-end report by e-mail",
        help="On the first day of each quarter, the supervisors of the company receive the "
        "customer care and after-sales analysis of the quarter before (XLSX attached, and the "
        "printed PDF when the server prints PDF).",
    )
    callback_quarterly_mail_sent = fields.Char(
        string="Quarterly report sent for",
        readonly=True,
        copy=False,
        help="The last quarter whose report was e-mailed (e.g. 2026Q4): each quarter is sent once.",
    )
