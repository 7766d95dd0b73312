# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The company's side of the set-up checklist (issue #29 point 2): what each
step finds in the company's data. The checklist itself is an onboarding
(onboarding.onboarding), see onboarding_onboarding.py."""

from datetime import datetime

from odoo import fields, models
from odoo.tools import config, format_list

from ..tools import call_window, setup_checklist

AGENT_GROUP = "customer_callback.customer_callback_group_agent"
SUPERVISOR_GROUP = "customer_callback.customer_callback_group_supervisor"
# What lets a survey, an SMS and an e-mail leave, besides a mail server.
CHANNEL_MODULES = ("sms", "customer_callback_survey")


class ResCompany(models.Model):
    _inherit = "res.company"

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
