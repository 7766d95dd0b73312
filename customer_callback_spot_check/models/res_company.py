# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # Monthly spot-check (SPEC §3, §6, §7; seed 002).
    callback_spot_check_min_size = fields.Integer(
        string="Minimum spot-check size",
        default=50,
        help="At least this many customers are spot-checked each month (by default 50).",
    )
    callback_spot_check_below_min = fields.Selection(
        [("refuse", "Refuse smaller samples"), ("warn", "Allow smaller samples")],
        string="Samples below the minimum",
        default="refuse",
        required=True,
        help="Whether a spot-check may ask fewer customers than the monthly minimum. "
        "A pool smaller than the sample is always drawn whole and its shortfall shown on "
        "the batch and the dashboard; only an empty pool is refused.",
    )
    callback_spot_check_due_day = fields.Integer(
        string="Spot-check list due on day",
        default=27,
        help="Day of the month the spot-check list is handed to the supervisor "
        "(by default the 27th).",
    )
    callback_spot_check_cap = fields.Integer(
        string="Spot-checks per customer",
        default=2,
        help="A customer is spot-checked at most this many times within the window "
        "(by default twice; 0 = no limit).",
    )
    callback_spot_check_cap_months = fields.Integer(
        string="Spot-check window (months)",
        default=12,
        help="Rolling window for the per-customer limit: the spot-check batches whose "
        "month starts within this many months before the batch's month.",
    )
    callback_spot_check_reply_minutes = fields.Integer(
        string="Spot-check complaint reply (minutes)",
        default=30,
        help="A dissatisfied customer whose problem cannot be solved on the call is "
        "promised an answer within this many minutes.",
    )
    callback_spot_check_spacing = fields.Integer(
        string="Spot-check calls apart (minutes)",
        default=15,
        help="The spot-check calls of one agent are planned at least this many minutes "
        "apart, going round the call windows (morning, afternoon, evening).",
    )
    callback_spot_check_category_ids = fields.Many2many(
        "helpdesk.ticket.category",
        "res_company_spot_check_category_rel",
        "company_id",
        "category_id",
        string="Delivery complaint categories",
        help="Complaint tickets of these categories make the delivery/courier problem "
        "list of the spot-check pool (all complaints when empty).",
    )

    @api.constrains(
        "callback_spot_check_min_size",
        "callback_spot_check_due_day",
        "callback_spot_check_cap",
        "callback_spot_check_cap_months",
        "callback_spot_check_reply_minutes",
        "callback_spot_check_spacing",
    )
    def _check_callback_spot_check_settings(self):
        for company in self:
            if company.callback_spot_check_min_size < 1:
                raise ValidationError(self.env._("The minimum spot-check size must be at least 1."))
            if not 1 <= company.callback_spot_check_due_day <= 31:
                raise ValidationError(
                    self.env._("The spot-check due day must be a day of the month (1–31).")
                )
            if company.callback_spot_check_cap < 0 or company.callback_spot_check_cap_months < 1:
                raise ValidationError(
                    self.env._(
                        "The spot-check limit cannot be negative and its window is at least one month."  # noqa: E501
                    )
                )
            if company.callback_spot_check_spacing < 0:
                raise ValidationError(
                    self.env._("The time between spot-check calls cannot be negative.")
                )
            if company.callback_spot_check_reply_minutes < 1:
                raise ValidationError(
                    self.env._("The promised reply time must be at least one minute.")
                )
