# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_soon_hours = fields.Float(related="company_id.complaint_soon_hours", readonly=False)
    complaint_soon_percent = fields.Float(
        related="company_id.complaint_soon_percent", readonly=False
    )
    complaint_require_resolution_summary = fields.Boolean(
        related="company_id.complaint_require_resolution_summary", readonly=False
    )
    complaint_reopen_score = fields.Integer(
        related="company_id.complaint_reopen_score", readonly=False
    )
