# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import official_calendar

# How many years ahead the dates of a yearly occasion are kept listed.
YEARS_AHEAD = 2


class CustomerCallbackOccasion(models.Model):
    """A named care occasion (Spring Festival, Mid-Autumn, the company's
    founding day…). A lunar festival's date is computed from the lunar
    calendar for every year, a fixed one repeats its month and day; others
    list their dates by hand."""

    _name = "customer.callback.occasion"
    _description = "Care Occasion"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    kind = fields.Selection(
        [
            ("lunar", "Lunar calendar date"),
            ("solar", "Same date every year"),
            ("manual", "Dates entered by hand"),
        ],
        string="Date",
        required=True,
        default="manual",
        help="Lunar festivals (Spring Festival 1/1, Dragon Boat 5/5, Mid-Autumn 8/15…) move "
        "in the solar calendar: their dates are computed for every year.",
    )
    month = fields.Integer(help="Month of the date (lunar month for a lunar calendar date).")
    day = fields.Integer(help="Day of the month (lunar day for a lunar calendar date).")
    date_ids = fields.One2many("customer.callback.occasion.date", "occasion_id", string="Dates")
    next_date = fields.Date(compute="_compute_next_date")

    @api.constrains("kind", "month", "day")
    def _check_month_day(self):
        for occasion in self.filtered(lambda o: o.kind != "manual"):
            longest = 30 if occasion.kind == "lunar" else 31
            if not (1 <= occasion.month <= 12 and 1 <= occasion.day <= longest):
                raise ValidationError(
                    self.env._(
                        "%(occasion)s: enter a month from 1 to 12 and a day from 1 to %(days)s.",
                        occasion=occasion.name,
                        days=longest,
                    )
                )

    @api.depends("date_ids.date", "kind", "month", "day")
    def _compute_next_date(self):
        today = fields.Date.context_today(self)
        for occasion in self:
            dates = set(occasion.date_ids.mapped("date"))
            if occasion.kind != "manual":
                dates.update(occasion._computed_dates(today.year, today.year + 1))
            upcoming = [day for day in dates if day >= today]
            occasion.next_date = min(upcoming) if upcoming else False

    def _computed_dates(self, first_year, last_year):
        self.ensure_one()
        if self.kind == "manual" or not self.month or not self.day:
            return []
        return official_calendar.occasion_dates(
            self.kind, self.month, self.day, first_year, last_year
        )

    @api.model_create_multi
    def create(self, vals_list):
        occasions = super().create(vals_list)
        occasions._fill_dates()
        return occasions

    def write(self, vals):
        result = super().write(vals)
        if {"kind", "month", "day"} & set(vals):
            # the computed dates to come follow the new rule
            today = fields.Date.context_today(self)
            self.date_ids.filtered(lambda d: d.computed and d.date >= today).unlink()
            self._fill_dates()
        return result

    def _fill_dates(self, last_year=None):
        """List the computed dates of the yearly occasions from this year to
        ``last_year`` (two years ahead by default); dates already listed are
        kept. The generator calls it for the years it looks at, so no year
        runs out."""
        today = fields.Date.context_today(self)
        last_year = max(last_year or 0, today.year + YEARS_AHEAD)
        vals_list = []
        for occasion in self.filtered(lambda o: o.kind != "manual"):
            listed = set(occasion.date_ids.mapped("date"))
            vals_list += [
                {"occasion_id": occasion.id, "date": day, "computed": True}
                for day in occasion._computed_dates(today.year, last_year)
                if day not in listed
            ]
        self.env["customer.callback.occasion.date"].sudo().create(vals_list)
