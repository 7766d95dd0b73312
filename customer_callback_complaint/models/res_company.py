# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # Complaints (SPEC §4–§5, seed 001).
    complaint_soon_hours = fields.Float(
        string="Complaint deadline warning (hours)",
        default=2.0,
        help="A complaint is 'breaching soon' when an unmet deadline falls within this many "
        "hours; its owner gets a reminder. Short deadlines warn earlier: see the "
        "percentage below.",
    )
    complaint_soon_percent = fields.Float(
        string="Complaint deadline warning (% of the deadline)",
        default=20.0,
        digits=(5, 1),
        help="The warning of a deadline starts when this share of the time from the report "
        "to the deadline is left, at most the warning hours above: with 20 %, a 10-minute "
        "first response warns 2 minutes before it, a 24-hour resolution 2 hours before. "
        "0: the warning hours apply to every deadline.",
    )
    complaint_require_resolution_summary = fields.Boolean(
        string="Resolution summary required to close a complaint", default=True
    )
    complaint_reopen_score = fields.Integer(
        string="Reopen complaints scored at most",
        default=2,
        help="A complaint callback scored this low (1–2: dissatisfied, seed 002) reopens the "
        "complaint. 0: the score alone never reopens it.",
    )

    @api.constrains("complaint_soon_hours", "complaint_soon_percent", "complaint_reopen_score")
    def _check_complaint_settings(self):
        for company in self:
            if company.complaint_soon_hours < 0:
                raise ValidationError(
                    self.env._("The complaint deadline warning cannot be negative.")
                )
            if not 0 <= company.complaint_soon_percent <= 100:
                raise ValidationError(
                    self.env._("The complaint deadline warning must be between 0 and 100 %.")
                )
            if not 0 <= company.complaint_reopen_score <= 5:
                raise ValidationError(
                    self.env._("The score that reopens a complaint must be between 0 and 5.")
                )
