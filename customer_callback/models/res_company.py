# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import datetime, time, timedelta

from pytz import timezone, utc

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import config, format_list

from ..tools import assignment, call_window, official_calendar, script, setup_checklist
from ..tools.attempt_policy import AttemptPolicy
from ..tools.script import split_phrases

_logger = logging.getLogger(__name__)

# the days of a company's calendar computed at once (res.company._callback_calendar_days)
CALENDAR_DAYS_HORIZON = 121

# Every number of the SOPs is a per-company setting with the SOP's default.
WINDOW_FIELDS = {
    call_window.WORKDAY: (
        ("callback_workday_from1", "callback_workday_to1"),
        ("callback_workday_from2", "callback_workday_to2"),
    ),
    call_window.HOLIDAY: (
        ("callback_holiday_from1", "callback_holiday_to1"),
        ("callback_holiday_from2", "callback_holiday_to2"),
    ),
}


# The set-up checklist (issue #29 point 2): what each step finds in the
# company's data (the _callback_setup_* methods below; the checklist itself is
# an onboarding, see onboarding_onboarding.py).
AGENT_GROUP = "customer_callback.customer_callback_group_agent"
SUPERVISOR_GROUP = "customer_callback.customer_callback_group_supervisor"
# What lets a survey, an SMS and an e-mail leave, besides a mail server.
CHANNEL_MODULES = ("sms", "customer_callback_survey")


class ResCompany(models.Model):
    _inherit = "res.company"

    # Call windows (002 §9.4): weekdays 09-12 and 13-20, holidays 10-12 and 13-20.
    callback_workday_from1 = fields.Float(string="Working day window 1 from", default=9.0)
    callback_workday_to1 = fields.Float(string="Working day window 1 to", default=12.0)
    callback_workday_from2 = fields.Float(string="Working day window 2 from", default=13.0)
    callback_workday_to2 = fields.Float(string="Working day window 2 to", default=20.0)
    callback_holiday_from1 = fields.Float(string="Holiday window 1 from", default=10.0)
    callback_holiday_to1 = fields.Float(string="Holiday window 1 to", default=12.0)
    callback_holiday_from2 = fields.Float(string="Holiday window 2 from", default=13.0)
    callback_holiday_to2 = fields.Float(string="Holiday window 2 to", default=20.0)
    # Official calendar: public holidays and make-up workdays filled into the
    # working-time calendar from maintained libraries.
    callback_holiday_country_id = fields.Many2one(
        "res.country",
        string="Public holidays of",
        compute="_compute_callback_holiday_country_id",
        store=True,
        readonly=False,
        help="The country whose official public holidays and make-up workdays are filled "
        "into the company's working-time calendar (by default the company's own country). "
        "Customers in other countries are called with their own country's holidays in mind.",
    )
    callback_slot_afternoon = fields.Float(
        string="Afternoon slot starts",
        default=12.0,
        help="Attempts before this hour are in the morning slot.",
    )
    callback_slot_evening = fields.Float(
        string="Evening slot starts",
        default=18.0,
        help="Attempts from this hour on are in the evening slot.",
    )
    # Attempt policy (002 §9).
    callback_unreachable_attempts = fields.Integer(string="Attempts before unreachable", default=3)
    callback_require_message = fields.Boolean(
        string="Message before unreachable",
        default=True,
        help="An SMS/IM message must be left before a callback closes as unreachable.",
    )
    callback_distinct_slots = fields.Boolean(
        string="Attempts in distinct time slots",
        default=True,
        help="Failed attempts only count towards closing when they cover distinct "
        "slots of the customer's day (morning, afternoon, evening).",
    )
    callback_declined_attempts = fields.Integer(string="Declines before closing", default=2)
    callback_hung_up_score = fields.Integer(string="Score when hung up", default=3)
    callback_retry_gap_hours = fields.Float(
        string="Hours between attempts",
        default=2.0,
        help="The next attempt is planned at least this long after a failed one.",
    )
    # Cadence.
    callback_plan_ahead_days = fields.Integer(
        string="Plan callbacks days ahead",
        default=7,
        help="Callbacks are created once they are due within this many days.",
    )
    callback_churn_days = fields.Integer(string="Churn risk after days without order", default=180)
    callback_long_term_days = fields.Integer(string="Long-term customer after days", default=365)
    callback_fatigue_max = fields.Integer(
        string="Max callbacks per customer",
        default=3,
        help="Contact fatigue: at most this many callbacks per customer within "
        "the rolling period (0 = no limit).",
    )
    callback_fatigue_days = fields.Integer(string="Fatigue period (days)", default=30)
    callback_overdue_cancel_days = fields.Integer(
        string="Cancel overdue callbacks after days",
        default=30,
        help="Open callbacks this many days past their deadline are cancelled "
        "as expired (0 = never).",
    )
    callback_record_minutes = fields.Integer(
        string="Record within minutes",
        default=5,
        help="The outcome of a call is expected within this many minutes.",
    )
    callback_require_summary = fields.Boolean(string="Summary required to close", default=True)
    callback_forbidden_phrases = fields.Text(
        string="Forbidden phrases",
        help="One per line. Scripts containing one of them cannot be saved.",
    )
    callback_supervisor_id = fields.Many2one(
        "res.users",
        string="Default callback supervisor",
        help="Receives escalations for callbacks whose team has no leader.",
    )
    callback_default_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Default callback team",
        help="Callbacks of rules without a team (or whose team has no active agent) are "
        "shared among this team's agents; without one, they go to the supervisor.",
    )

    @api.constrains(*[f for pairs in WINDOW_FIELDS.values() for p in pairs for f in p])
    def _check_callback_windows(self):
        for company in self:
            for kind in WINDOW_FIELDS:
                try:
                    company._callback_windows_for(kind, validate=True)
                except call_window.WindowError as error:
                    raise ValidationError(company._callback_window_message(error)) from error

    @api.constrains(
        "callback_slot_afternoon",
        "callback_slot_evening",
        "callback_unreachable_attempts",
        "callback_declined_attempts",
        "callback_hung_up_score",
        "callback_retry_gap_hours",
        "callback_plan_ahead_days",
        "callback_churn_days",
        "callback_long_term_days",
        "callback_fatigue_max",
        "callback_fatigue_days",
        "callback_overdue_cancel_days",
        "callback_record_minutes",
    )
    def _check_callback_numbers(self):
        for company in self:
            if not (0 < company.callback_slot_afternoon < company.callback_slot_evening < 24):
                raise ValidationError(
                    self.env._(
                        "The afternoon slot must start before the evening slot, both within the day."  # noqa: E501
                    )
                )
            if company.callback_unreachable_attempts < 1 or company.callback_declined_attempts < 1:
                raise ValidationError(
                    self.env._("At least one attempt is needed before closing a callback.")
                )
            if not 1 <= company.callback_hung_up_score <= 5:
                raise ValidationError(
                    self.env._("The score given when a customer hangs up must be between 1 and 5.")
                )
            if company.callback_fatigue_days < 1 and company.callback_fatigue_max:
                raise ValidationError(
                    self.env._("The contact fatigue period must be at least one day.")
                )
            negatives = [
                company.callback_retry_gap_hours,
                company.callback_plan_ahead_days,
                company.callback_churn_days,
                company.callback_long_term_days,
                company.callback_fatigue_max,
                company.callback_fatigue_days,
                company.callback_overdue_cancel_days,
                company.callback_record_minutes,
            ]
            if any(value < 0 for value in negatives):
                raise ValidationError(self.env._("Callback settings cannot be negative."))

    def _callback_window_message(self, error):
        def fmt(window):
            start, end = (call_window.hour_to_time(h).strftime("%H:%M") for h in window)
            return f"{start}–{end}"

        if error.code == "inverted":
            return self.env._("The call window %s ends before it starts.", fmt(error.window))
        if error.code == "overlap":
            return self.env._(
                "The call windows %(first)s and %(second)s overlap.",
                first=fmt(error.window),
                second=fmt(error.other),
            )
        return self.env._("Call window hours must lie between 00:00 and 24:00.")

    def _callback_windows_for(self, kind, validate=False):
        """Windows of one day kind; a window whose both ends are 0 is unused."""
        self.ensure_one()
        windows = []
        for from_field, to_field in WINDOW_FIELDS[kind]:
            start, end = self[from_field], self[to_field]
            if start == 0 and end == 0:
                continue
            windows.append((start, end))
        if validate:
            return call_window.validate_windows(windows)
        return sorted(windows)

    def _callback_windows(self):
        self.ensure_one()
        return {kind: self._callback_windows_for(kind) for kind in WINDOW_FIELDS}

    def _callback_slot_bounds(self):
        self.ensure_one()
        return (self.callback_slot_afternoon, self.callback_slot_evening)

    def _callback_attempt_policy(self):
        self.ensure_one()
        return AttemptPolicy(
            unreachable_attempts=self.callback_unreachable_attempts,
            require_message=self.callback_require_message,
            declined_attempts=self.callback_declined_attempts,
            hung_up_score=self.callback_hung_up_score,
            distinct_slots=self.callback_distinct_slots,
        )

    def _callback_tz(self):
        """Fallback timezone of the company's customers."""
        self.ensure_one()
        return self.resource_calendar_id.tz or self.partner_id.tz or "UTC"

    def _callback_holiday_country(self, country=None):
        """The country whose official calendar decides the holidays of a
        customer of ``country``, when it is not the company's; else None
        (the company's working-time calendar decides)."""
        self.ensure_one()
        if (
            country
            and self.callback_holiday_country_id
            and country != self.callback_holiday_country_id
        ):
            return country
        return None

    def _callback_holiday_checker(self, start, days=120, country=None):
        """A function date -> bool telling whether a day is a holiday.

        Days come from the company's working-time calendar (weekends, public
        holidays as Odoo's resource calendar leaves, make-up workdays) over a
        horizon; beyond it only the weekly pattern is used. For a customer in
        another ``country`` than the company's public holidays, that
        country's official calendar decides (weekends, its public holidays
        and, for China, its make-up workdays).
        """
        self.ensure_one()
        if self._callback_holiday_country(country):
            return official_calendar.holiday_checker(country.code)
        calendar = self.resource_calendar_id
        if not calendar:
            return lambda day: day.weekday() >= 5
        unusual, working_weekdays = self._callback_calendar_days(
            calendar, start - timedelta(days=1), start + timedelta(days=days)
        )

        def is_holiday(day):
            key = fields.Date.to_string(day)
            if key in unusual:
                return unusual[key]
            return day.weekday() not in working_weekdays

        return is_holiday

    def _callback_calendar_days(self, calendar, first, last):
        """(unusual days from ``first`` to at least ``last``, working
        weekdays) of the company's working-time ``calendar``: a
        resource-calendar computation (about 16 ms), asked for many times by
        each request (My workday's search, order and callable-now fields,
        each attempt) and each scheduled run. Computed once per calendar,
        company and first day for the default horizon (every caller of the
        day shares it) and kept in Odoo's ormcache, cleared when a calendar,
        its attendances, its leaves (public holidays, time off) or its
        make-up workdays change (``_callback_clear_calendar_days``). The
        calendar is read as superuser: a customer's call windows do not
        depend on who reads them."""
        self.ensure_one()
        last = max(last, first + timedelta(days=CALENDAR_DAYS_HORIZON))
        return self._callback_calendar_days_cached(calendar.id, self.id, first, last)

    @api.model
    @tools.ormcache("calendar_id", "company_id", "first", "last")
    def _callback_calendar_days_cached(self, calendar_id, company_id, first, last):
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        unusual = calendar._get_unusual_days(
            datetime.combine(first, time.min),
            datetime.combine(last, time.max),
            company_id=self.sudo().browse(company_id),
        )
        working_weekdays = frozenset(int(a.dayofweek) for a in calendar._get_global_attendances())
        return unusual, working_weekdays

    @api.model
    def _callback_clear_calendar_days(self):
        """Forget the calendar days computed (this process and, at the
        commit, the other workers, as Odoo signals its caches)."""
        self.env.registry.clear_cache()

    def _callback_forbidden_phrases(self):
        self.ensure_one()
        return split_phrases(self.callback_forbidden_phrases)

    callback_satisfaction_target = fields.Float(
        string="Satisfaction target",
        default=4.0,
        digits=(3, 2),
        help="Service satisfaction target on the 5-point scale (by default at least 4).",
    )

    @api.constrains("callback_satisfaction_target")
    def _check_callback_satisfaction_target(self):
        for company in self:
            if not 1 <= company.callback_satisfaction_target <= 5:
                raise ValidationError(
                    self.env._("The satisfaction target must lie on the 5-point scale (1–5).")
                )

    @api.constrains("callback_default_team_id")
    def _check_callback_default_team(self):
        for company in self:
            team_company = company.callback_default_team_id.company_id
            if team_company and team_company != company:
                raise ValidationError(
                    self.env._(
                        "The default callback team of %(company)s must be one of its own "
                        "teams (%(team)s belongs to %(other)s).",
                        company=company.name,
                        team=company.callback_default_team_id.display_name,
                        other=team_company.name,
                    )
                )

    def write(self, vals):
        # The official days follow the company's country while they are its
        # default (none yet, or the country it had): a fresh database's
        # company is in the United States, and a Shanghai company setting its
        # country afterwards must not keep American holidays. A country
        # chosen apart in Settings stays.
        following = self.browse()
        if vals.get("country_id") and "callback_holiday_country_id" not in vals:
            following = self.filtered(
                lambda c: not c.callback_holiday_country_id
                or c.callback_holiday_country_id == c.country_id
            )
        result = super().write(vals)
        if following:
            following.callback_holiday_country_id = vals["country_id"]
        return result

    # ------------------------------------------------------------------
    # Routing: where callbacks nobody was given go (issue #29)
    # ------------------------------------------------------------------

    @api.model
    def _callback_init_default_team(self):
        """At install: each company without a default callback team gets its
        first team having active internal members (by sequence), if any."""
        Team = self.env["helpdesk.ticket.team"].sudo()
        for company in self.sudo().search([("callback_default_team_id", "=", False)]):
            teams = Team.search([("company_id", "=", company.id)], order="sequence, id")
            team = teams.filtered(lambda t: any(u.active and not u.share for u in t.user_ids))[:1]
            if team:
                company.callback_default_team_id = team

    def _callback_route_info(self, teams=None):
        """What the routing of ``self`` (one company) needs: (team id -> agent
        ids of ``teams`` and of the default team, the default team's
        ``(id, agent ids)`` or None, the active supervisor's id or None)."""
        self.ensure_one()
        company = self.sudo()
        default_team = company.callback_default_team_id
        all_teams = (teams or self.env["helpdesk.ticket.team"]).sudo() | default_team
        agents = all_teams._callback_agent_ids()
        supervisor = company.callback_supervisor_id
        return (
            agents,
            (default_team.id, agents[default_team.id]) if default_team else None,
            supervisor.id if supervisor.active else None,
        )

    def _callback_route_message(self, gap, team=None):
        """The warning of a routing ``gap`` (``tools.assignment.routing_gap``)
        of callbacks of ``team`` (or of no team), in the reader's language:
        what is missing, and where the callbacks go instead."""
        self.ensure_one()
        problem, target = gap
        company = self.sudo()
        default_team = company.callback_default_team_id
        if problem == "team_without_agents":
            what = self.env._("Team “%s” has no active agent.", team.display_name)
        elif problem == "default_without_agents":
            what = self.env._(
                "No team, and the default callback team “%s” has no active agent.",
                default_team.display_name,
            )
        else:
            what = self.env._("No team, and no default callback team is set.")
        if target == assignment.DEFAULT_TEAM:
            where = self.env._(
                "Callbacks go to the default callback team “%s”.", default_team.display_name
            )
        elif target == assignment.SUPERVISOR:
            where = self.env._(
                "Callbacks go to the supervisor's queue (%s).",
                company.callback_supervisor_id.name,
            )
        else:
            where = self.env._(
                "Callbacks belong to nobody: set a default callback team or a supervisor "
                "in Settings."
            )
        return script.join_sentences([what, where])

    def _callback_routing_issues(self):
        """The rules and teams of ``self`` (one company) that route callbacks
        to no team with an agent, and the open callbacks that belong to
        nobody: a list of ``{"message", "res_model", "res_id", "domain"}``
        (a record, or the list of ``domain``) for Settings and the dashboard,
        one line per default team, per team and per kind of gap (the rules
        named in it). An active agent is an active internal member with the
        Callback Agent role."""
        self.ensure_one()
        rules = (
            self.env["customer.callback.rule"]
            .sudo()
            .search(
                [("company_id", "=", self.id), ("active", "=", True), ("assignment", "!=", "agent")]
            )
        )
        agents, default, supervisor = self._callback_route_info(rules.team_id)
        issues = []
        if default and not default[1]:
            issues.append(
                {
                    "message": self.env._(
                        "Default callback team “%s” has no active agent: give its members the "
                        "Callback Agent role, or choose another team.",
                        self.sudo().callback_default_team_id.display_name,
                    ),
                    "res_model": "helpdesk.ticket.team",
                    "res_id": default[0],
                }
            )
        gaps = {}
        for rule in rules:
            gap = rule._callback_routing_gap(agents, default, supervisor)
            if gap:
                gaps.setdefault((gap, rule.team_id), self.env["customer.callback.rule"])
                gaps[gap, rule.team_id] |= rule
        for (gap, team), gap_rules in gaps.items():
            names = gap_rules.mapped("display_name")
            issues.append(
                {
                    "message": script.join_sentences(
                        [
                            self._callback_route_message(gap, team),
                            self.env._(
                                "Rules (%(count)s): %(names)s.",
                                count=len(names),
                                names=", ".join(names[:3]) + ("…" if len(names) > 3 else ""),
                            ),
                        ]
                    ),
                    "res_model": "customer.callback.rule",
                    "res_id": gap_rules.id if len(gap_rules) == 1 else False,
                    "domain": [("id", "in", gap_rules.ids)],
                }
            )
        unrouted = self.env["customer.callback"].sudo()._unrouted_domain(self)
        count = self.env["customer.callback"].sudo().search_count(unrouted)
        if count:
            issues.append(
                {
                    "message": self.env._("Open callbacks that belong to nobody: %s.", count),
                    "res_model": "customer.callback",
                    "res_id": False,
                    "domain": list(unrouted),
                    "name": self.env._("Callbacks that belong to nobody"),
                }
            )
        return issues

    # ------------------------------------------------------------------
    # Official calendar (public holidays and make-up workdays)
    # ------------------------------------------------------------------

    @api.depends("country_id")
    def _compute_callback_holiday_country_id(self):
        for company in self:
            if not company.callback_holiday_country_id:
                company.callback_holiday_country_id = company.country_id

    def _callback_official_years(self):
        """The years a refresh loads: this one and the next."""
        year = fields.Date.context_today(self).year
        return [year, year + 1]

    def _callback_holiday_labels(self):
        """China's holiday names (chinese-calendar gives them in English), in
        the context's language: {library name: label}. Other libraries' names
        are used as they come."""
        return {
            "New Year's Day": self.env._("New Year's Day"),
            "Spring Festival": self.env._("Spring Festival"),
            "Tomb-sweeping Day": self.env._("Tomb-sweeping Day"),
            "Labour Day": self.env._("Labour Day"),
            "Dragon Boat Festival": self.env._("Dragon Boat Festival"),
            "Mid-autumn Festival": self.env._("Mid-Autumn Festival"),
            "National Day": self.env._("National Day"),
        }

    def _callback_refresh_official_calendar(self, years=None):
        """Fill each company's working-time calendar with its country's
        public holidays (global time off) and make-up workdays for ``years``
        (this one and the next by default). What the company entered by hand
        is never changed: a day it covers by hand is left out. Days loaded
        before and no longer in the schedule are removed. Idempotent.

        Returns one message per company, in its language: which years were
        loaded, which the library does not know yet."""
        messages = {}
        for company in self:
            lang = company.partner_id.lang or self.env.lang
            company = company.with_context(lang=lang)
            calendar = company.resource_calendar_id
            country = company.callback_holiday_country_id
            if not calendar or not country:
                messages[company.id] = company.env._(
                    "Choose the country of the public holidays and a working-time calendar first."
                )
                continue
            loaded, missing = [], []
            for year in years or company._callback_official_years():
                try:
                    official = official_calendar.official_year(country.code, year, language=lang)
                except official_calendar.YearNotPublished:
                    missing.append(year)
                    continue
                except official_calendar.CountryUnknown:
                    messages[company.id] = company.env._(
                        "No holiday library knows the public holidays of %s.", country.name
                    )
                    break
                company._callback_apply_official_year(calendar, official)
                loaded.append(year)
            else:
                messages[company.id] = company._callback_refresh_message(country, loaded, missing)
            _logger.info("Official calendar of %s: %s", company.name, messages[company.id])
        return messages

    def _callback_refresh_message(self, country, loaded, missing):
        self.ensure_one()
        parts = []
        if loaded:
            parts.append(
                self.env._(
                    "Public holidays of %(country)s loaded for %(years)s.",
                    country=country.name,
                    years=script.format_items(loaded, self.env.lang),
                )
            )
        if missing:
            known = official_calendar.known_years(country.code)
            parts.append(
                self.env._(
                    "%(years)s: not published yet (%(library)s knows %(first)s to %(last)s). "
                    "The official schedule of a year is published in the autumn before it: "
                    "update the library, then refresh again.",
                    years=script.format_items(missing, self.env.lang),
                    library=official_calendar.library_version(country.code),
                    first=known[0],
                    last=known[1],
                )
            )
        return script.join_sentences(parts)

    def _callback_apply_official_year(self, calendar, official):
        """Replace the official days of ``official.year`` in ``calendar``,
        leaving out the days covered by time off or make-up workdays entered
        by hand."""
        self.ensure_one()
        zone = timezone(calendar.tz or self._callback_tz())

        def utc_naive(day, moment):
            local = zone.localize(datetime.combine(day, moment))
            return local.astimezone(utc).replace(tzinfo=None)

        first_day = datetime(official.year, 1, 1).date()
        next_first_day = datetime(official.year + 1, 1, 1).date()
        begin, end = utc_naive(first_day, time.min), utc_naive(next_first_day, time.min)
        Leaves = self.env["resource.calendar.leaves"].sudo()
        leaves = Leaves.search(
            [
                ("calendar_id", "=", calendar.id),
                ("resource_id", "=", False),
                ("date_from", "<", end),
                ("date_to", ">", begin),
            ]
        )
        labels = self._callback_holiday_labels()
        manual_days = set()
        for leave in leaves.filtered(lambda leave: not leave.callback_official):
            day = utc.localize(leave.date_from).astimezone(zone).date()
            last = utc.localize(leave.date_to).astimezone(zone).date()
            while day <= last:
                manual_days.add(day)
                day += timedelta(days=1)
        wanted = {
            (utc_naive(first, time.min), utc_naive(last, time.max.replace(microsecond=0)), name)
            for first, last, name in official_calendar.runs(
                {
                    day: labels.get(name, name)
                    for day, name in official.holidays.items()
                    if day not in manual_days
                }
            )
        }
        official_leaves = leaves.filtered("callback_official")
        have = {(leave.date_from, leave.date_to, leave.name) for leave in official_leaves}
        official_leaves.filtered(
            lambda leave: (leave.date_from, leave.date_to, leave.name) not in wanted
        ).unlink()
        Leaves.create(
            [
                {
                    "name": name,
                    "calendar_id": calendar.id,
                    "company_id": calendar.company_id.id or self.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "time_type": "leave",
                    "callback_official": True,
                }
                for date_from, date_to, name in sorted(wanted - have)
            ]
        )
        Workdays = self.env["resource.calendar.workday"].sudo()
        workdays = Workdays.search(
            [
                ("calendar_id", "=", calendar.id),
                ("date", ">=", first_day),
                ("date", "<", next_first_day),
            ]
        )
        manual = {w.date for w in workdays if not w.official}
        wanted_days = {
            day: labels.get(name, name)
            for day, name in official.workdays.items()
            if day not in manual
        }
        official_days = workdays.filtered("official")
        official_days.filtered(lambda w: wanted_days.get(w.date) != (w.name or "")).unlink()
        kept = {w.date for w in official_days.exists()}
        Workdays.create(
            [
                {"calendar_id": calendar.id, "date": day, "name": name, "official": True}
                for day, name in sorted(wanted_days.items())
                if day not in kept
            ]
        )

    @api.model
    def _cron_refresh_official_calendar(self):
        """Scheduled action: refresh every company's official days (this year
        and the next). Idempotent; a refresh running at the same time in
        another process waits for this one (lock on the companies)."""
        companies = self.search([("callback_holiday_country_id", "!=", False)])
        companies.lock_for_update(allow_referencing=True)
        companies._callback_refresh_official_calendar()

    # The set-up checklist's steps (issue #29 point 2)
    callback_rules_reviewed = fields.Boolean(
        string="Cadence rules reviewed",
        help="A supervisor checked the company's cadence rules and confirmed it on their "
        "list (a step of the callback app's set-up checklist).",
    )
    # The company's timezone is its working-time calendar's: the set-up
    # checklist edits it with the country.
    callback_calendar_tz = fields.Selection(
        related="resource_calendar_id.tz",
        string="Timezone",
        readonly=False,
        help="The timezone of the company's working-time calendar: the local time of "
        "customers who have none of their own.",
    )

    def _callback_setup_checks(self):
        """Each step of the set-up checklist as found in the company's data:
        ``{step: (done, note)}``, the note saying what is set or what is
        missing, in the reader's language. Read as superuser: settings,
        teams, users and modules a supervisor may not see; nothing is
        written."""
        self.ensure_one()
        company = self.sudo()
        return {
            "company": company._callback_setup_check_company(),
            "windows": company._callback_setup_check_windows(),
            "holidays": company._callback_setup_check_holidays(),
            "team": company._callback_setup_check_team(),
            "rules": company._callback_setup_check_rules(),
            "groups": company._callback_setup_check_groups(),
            "channels": company._callback_setup_check_channels(),
        }

    def _callback_setup_check_company(self):
        country, tz = self.country_id, self.resource_calendar_id.tz
        if not country:
            return False, self.env._("The company's country is not set.")
        if not setup_checklist.timezone_fits_country(tz, country.code):
            return False, self.env._(
                "The timezone %(tz)s is not one of %(country)s.",
                tz=tz or self.env._("(none)"),
                country=country.name,
            )
        return True, f"{country.name} · {tz}"

    def _callback_setup_check_windows(self):
        windows = self._callback_windows_for(call_window.WORKDAY)
        if not windows:
            return False, self.env._("No call window on working days: no callback is planned.")
        labels = [
            "–".join(call_window.hour_to_time(hour).strftime("%H:%M") for hour in window)
            for window in windows
        ]
        return True, self.env._("Working days: %s", format_list(self.env, labels))

    def _callback_setup_check_holidays(self):
        country, calendar = self.callback_holiday_country_id, self.resource_calendar_id
        if not country or not calendar:
            return False, self.env._("Choose the country of the public holidays.")
        year_start = datetime(fields.Date.context_today(self).year, 1, 1)
        loaded = self.env["resource.calendar.leaves"].search_count(
            [
                ("calendar_id", "=", calendar.id),
                ("callback_official", "=", True),
                ("date_to", ">=", year_start),
            ],
            limit=1,
        )
        if not loaded:
            return False, self.env._(
                "The public holidays of %s are not loaded yet: refresh them in Settings.",
                country.name,
            )
        return True, self.env._("Public holidays of %s loaded.", country.name)

    def _callback_setup_check_team(self):
        teams = self.env["helpdesk.ticket.team"].search([("company_id", "in", [self.id, False])])
        agents = self.env.ref(AGENT_GROUP).all_user_ids.filtered("active")
        ready, missing = setup_checklist.team_status(
            [(team.user_id.id, team.user_ids.ids) for team in teams], agents.ids
        )
        if missing == "no_team":
            return False, self.env._("No callback team yet.")
        if missing == "no_agent":
            return False, self.env._("No team has an agent among its members.")
        if missing == "no_leader":
            return False, self.env._("The teams with agents have no leader.")
        names = [teams[index].display_name for index in ready]
        return True, self.env._("Ready: %s", format_list(self.env, names))

    def _callback_setup_check_rules(self):
        count = self.env["customer.callback.rule"].search_count([("company_id", "=", self.id)])
        if self.callback_rules_reviewed:
            return True, self.env._("%s active rules reviewed.", count)
        if not count:
            return False, self.env._("The company has no active cadence rule yet.")
        return False, self.env._(
            "%s active rules: check whom each calls, when and through which team, "
            "then confirm on their list.",
            count,
        )

    def _callback_setup_check_groups(self):
        users = self.env["res.users"].search(
            [("share", "=", False), ("company_ids", "in", self.id)]
        )
        supervisors = users.filtered_domain(
            [("all_group_ids", "in", self.env.ref(SUPERVISOR_GROUP).id)]
        )
        # a supervisor is an agent too: agents are the users who only call
        agents = users.filtered_domain([("all_group_ids", "in", self.env.ref(AGENT_GROUP).id)])
        agents -= supervisors
        missing = []
        if not supervisors:
            missing.append(self.env._("a supervisor"))
        if not agents:
            missing.append(self.env._("an agent"))
        if missing:
            return False, self.env._("Missing: %s.", format_list(self.env, missing))
        return True, self.env._(
            "%(supervisors)s supervisors, %(agents)s agents.",
            supervisors=len(supervisors),
            agents=len(agents),
        )

    def _callback_setup_check_channels(self):
        labels = {
            "mail_server": self.env._("an outgoing mail server"),
            "email": self.env._("the company's e-mail address (the sender)"),
            "sms": self.env._("the SMS app"),
            "customer_callback_survey": self.env._("the satisfaction surveys addon"),
        }
        missing = self._callback_setup_missing_channels()
        if missing:
            return False, self.env._(
                "Missing: %s.", format_list(self.env, [labels[key] for key in missing])
            )
        return True, self.env._("Surveys, SMS and e-mails can leave.")

    def _callback_setup_missing_channels(self):
        """What surveys, SMS and e-mails still need to leave, in the order to
        set it up: ``"mail_server"``, ``"email"`` (the sender), then the
        modules not installed."""
        self.ensure_one()
        company = self.sudo()
        missing = []
        servers = company.env["ir.mail_server"].search_count([])
        if not setup_checklist.smtp_configured(servers, config.get("smtp_server")):
            missing.append("mail_server")
        if not company.email:
            missing.append("email")
        installed = (
            company.env["ir.module.module"]
            .search([("name", "in", CHANNEL_MODULES), ("state", "=", "installed")])
            .mapped("name")
        )
        missing += [name for name in CHANNEL_MODULES if name not in installed]
        return missing
