# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    """A complaint of the category recorded without a grade gets its grade."""

    _inherit = "helpdesk.ticket.category"

    complaint_grade_id = fields.Many2one(
        "customer.complaint.grade",
        string="Default complaint grade",
        help="Grade of a complaint of this category recorded without a grade.",
    )
