# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import notification, official_calendar
from .base import suite_field_names


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # The suite's settings are related fields of the company. Odoo writes
    # related fields one at a time, so the company's constraints would check
    # each new value against the other old ones (14:00-16:00 and 17:00-20:00
    # refused as "14:00-12:00"): they are written to the company in one
    # write, and the constraints see the final combined values.
    @api.model
    def _callback_company_fields(self):
        suite_fields = suite_field_names(self)
        return [
            name
            for name, field in self._fields.items()
            if name in suite_fields
            and field.related
            and field.related.startswith("company_id.")
            and not field.readonly
            and field.related.count(".") == 1
        ]

    def _callback_split_company_values(self, vals):
        names = self._callback_company_fields()
        company_vals = {}
        for name in names:
            if name in vals:
                field = self._fields[name]
                company_vals[field.related.split(".", 1)[1]] = vals.pop(name)
        return company_vals

    @api.model
    def _callback_changed_values(self, company, company_vals):
        """The values of ``company_vals`` that differ from the company's. The
        web client sends every setting on saving: writing the unchanged ones
        would recompute and rewrite what depends on them for nothing (Odoo's
        own ``create`` drops unchanged related values the same way; the
        suite's are taken out before it sees them)."""
        changed = {}
        for name, value in company_vals.items():
            field = company._fields[name]
            new = field.convert_to_record(field.convert_to_cache(value, company), company)
            if new != company[name]:
                changed[name] = value
        return changed

    @api.model_create_multi
    def create(self, vals_list):
        company_vals_list = []
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            company_vals = self._callback_split_company_values(vals)
            company_vals_list.append(self._callback_changed_values(company, company_vals))
        records = super().create(vals_list)
        for record, company_vals in zip(records, company_vals_list, strict=True):
            if company_vals:
                record.company_id.write(company_vals)
        return records

    def write(self, vals):
        company_vals = self._callback_split_company_values(vals)
        result = super().write(vals)
        for company in self.company_id:
            changed = self._callback_changed_values(company, company_vals)
            if changed:
                company.write(changed)
        return result

    callback_workday_from1 = fields.Float(
        related="company_id.callback_workday_from1", readonly=False
    )
    callback_workday_to1 = fields.Float(related="company_id.callback_workday_to1", readonly=False)
    callback_workday_from2 = fields.Float(
        related="company_id.callback_workday_from2", readonly=False
    )
    callback_workday_to2 = fields.Float(related="company_id.callback_workday_to2", readonly=False)
    callback_holiday_from1 = fields.Float(
        related="company_id.callback_holiday_from1", readonly=False
    )
    callback_holiday_to1 = fields.Float(related="company_id.callback_holiday_to1", readonly=False)
    callback_holiday_from2 = fields.Float(
        related="company_id.callback_holiday_from2", readonly=False
    )
    callback_holiday_to2 = fields.Float(related="company_id.callback_holiday_to2", readonly=False)
    callback_holiday_country_id = fields.Many2one(
        related="company_id.callback_holiday_country_id", readonly=False
    )
    callback_official_calendar_info = fields.Char(
        string="Official calendar", compute="_compute_callback_official_calendar_info"
    )
    callback_slot_afternoon = fields.Float(
        related="company_id.callback_slot_afternoon", readonly=False
    )
    callback_slot_evening = fields.Float(related="company_id.callback_slot_evening", readonly=False)
    callback_unreachable_attempts = fields.Integer(
        related="company_id.callback_unreachable_attempts", readonly=False
    )
    callback_require_message = fields.Boolean(
        related="company_id.callback_require_message", readonly=False
    )
    callback_distinct_slots = fields.Boolean(
        related="company_id.callback_distinct_slots", readonly=False
    )
    callback_declined_attempts = fields.Integer(
        related="company_id.callback_declined_attempts", readonly=False
    )
    callback_hung_up_score = fields.Integer(
        related="company_id.callback_hung_up_score", readonly=False
    )
    callback_retry_gap_hours = fields.Float(
        related="company_id.callback_retry_gap_hours", readonly=False
    )
    callback_plan_ahead_days = fields.Integer(
        related="company_id.callback_plan_ahead_days", readonly=False
    )
    callback_churn_days = fields.Integer(related="company_id.callback_churn_days", readonly=False)
    callback_long_term_days = fields.Integer(
        related="company_id.callback_long_term_days", readonly=False
    )
    callback_fatigue_max = fields.Integer(related="company_id.callback_fatigue_max", readonly=False)
    callback_fatigue_days = fields.Integer(
        related="company_id.callback_fatigue_days", readonly=False
    )
    callback_overdue_cancel_days = fields.Integer(
        related="company_id.callback_overdue_cancel_days", readonly=False
    )
    callback_record_minutes = fields.Integer(
        related="company_id.callback_record_minutes", readonly=False
    )
    callback_require_summary = fields.Boolean(
        related="company_id.callback_require_summary", readonly=False
    )
    callback_forbidden_phrases = fields.Text(
        related="company_id.callback_forbidden_phrases", readonly=False
    )
    callback_supervisor_id = fields.Many2one(
        related="company_id.callback_supervisor_id", readonly=False
    )
    callback_default_team_id = fields.Many2one(
        related="company_id.callback_default_team_id",
        readonly=False,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    callback_routing_warning = fields.Text(
        string="Routing warnings", compute="_compute_callback_routing_warning"
    )
    callback_satisfaction_target = fields.Float(
        related="company_id.callback_satisfaction_target", readonly=False
    )

    @api.depends("company_id")
    def _compute_callback_routing_warning(self):
        """The rules and teams that route callbacks to no team with an agent,
        one per line (the saved settings: issue #29)."""
        for settings in self:
            issues = settings.company_id._callback_routing_issues()
            settings.callback_routing_warning = (
                "\n".join(issue["message"] for issue in issues) or False
            )

    @api.depends("callback_holiday_country_id")
    def _compute_callback_official_calendar_info(self):
        for settings in self:
            country = settings.callback_holiday_country_id
            known = official_calendar.known_years(country.code) if country else None
            if not country:
                settings.callback_official_calendar_info = False
            elif known:
                settings.callback_official_calendar_info = self.env._(
                    "%(library)s knows the official schedule from %(first)s to %(last)s.",
                    library=official_calendar.library_version(country.code),
                    first=known[0],
                    last=known[1],
                )
            else:
                settings.callback_official_calendar_info = self.env._(
                    "%(library)s computes the public holidays of any year.",
                    library=official_calendar.library_version(country.code),
                )

    def action_callback_refresh_official_calendar(self):
        """Settings button: save, then fill this company's calendar now."""
        self.ensure_one()
        self.execute()
        company = self.company_id
        message = company._callback_refresh_official_calendar()[company.id]
        return notification.toast(self.env._("Official calendar: %s", message))
