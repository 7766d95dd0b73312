# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CustomerCallbackOccasionDate(models.Model):
    _name = "customer.callback.occasion.date"
    _description = "Care Occasion Date"
    _order = "date"
    _rec_name = "date"

    occasion_id = fields.Many2one(
        "customer.callback.occasion", required=True, index=True, ondelete="cascade"
    )
    date = fields.Date(required=True, index=True)
    computed = fields.Boolean(
        readonly=True, help="Computed from the occasion's date rule (lunar or fixed date)."
    )

    _occasion_date_unique = models.UniqueIndex(
        "(occasion_id, date)", "This occasion already has this date."
    )
