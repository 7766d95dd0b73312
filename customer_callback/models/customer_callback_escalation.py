# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The team leader's daily digest of overdue callbacks (issue #18).

Instead of one activity per overdue callback, each team leader (else the
company's callback supervisor, else the administrator) gets one digest and
one activity per company and day: its note counts the overdue callbacks per
agent, its record opens the list of them. The digest is a view over the
callbacks, not a stamp on them: it records the teams it covers and its
figures, its list is a domain (still overdue, in those teams), and no
callback row is written to escalate it, so a backlog of 100,000 overdue
callbacks costs a few grouped queries. A callback counts as new in the
digest of the first day it is overdue (its deadline on or after the
leader's previous digest). Every run of the scheduled action refreshes the
day's digests, writing only what changed; the next day's digest replaces the
previous one (its activity is done, it stays as history), and a leader with
nothing overdue any more has her current digest closed."""

import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from ..tools import escalation
from .customer_callback import OPEN_STATES

_logger = logging.getLogger(__name__)

DIGEST_ACTIVITY_TYPE = "customer_callback.mail_activity_type_callback_overdue_digest"


class CustomerCallbackEscalation(models.Model):
    _name = "customer.callback.escalation"
    _description = "Overdue Callbacks Digest"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    leader_id = fields.Many2one(
        "res.users",
        string="Team leader",
        required=True,
        readonly=True,
        index=True,
        help="Who follows the overdue callbacks up with the agents.",
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    date = fields.Date(required=True, readonly=True, help="The day of the digest.")
    state = fields.Selection(
        [("current", "Current"), ("replaced", "Replaced")],
        required=True,
        default="current",
        readonly=True,
        help="A digest is replaced by the next day's digest of the same leader, or closed "
        "when none of her callbacks is overdue any more.",
    )
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        "customer_callback_escalation_team_rel",
        "escalation_id",
        "team_id",
        string="Teams",
        readonly=True,
        help="The teams whose overdue callbacks the leader follows up.",
    )
    without_team = fields.Boolean(
        string="Callbacks without a team",
        readonly=True,
        help="The leader also follows up the overdue callbacks of no team.",
    )
    new_count = fields.Integer(
        string="Newly overdue",
        readonly=True,
        help="Callbacks that became overdue since the leader's previous digest.",
    )
    overdue_count = fields.Integer(
        string="Overdue",
        readonly=True,
        help="The leader's overdue callbacks when the digest was last updated.",
    )
    summary = fields.Html(
        readonly=True, sanitize=True, help="The overdue callbacks counted per agent."
    )

    _leader_day_unique = models.UniqueIndex(
        "(leader_id, company_id, date)", "One overdue digest per leader, company and day."
    )

    @api.depends("leader_id", "date")
    def _compute_display_name(self):
        for digest in self:
            digest.display_name = self.env._(
                "Overdue callbacks of %(leader)s, %(date)s",
                leader=digest.leader_id.name or "",
                date=digest.date and fields.Date.to_string(digest.date),
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _callbacks_domain(self):
        """The callbacks these digests cover: their companies' callbacks in
        their teams (and of no team, where they cover those)."""
        return Domain.OR(
            Domain("company_id", "=", digest.company_id.id)
            & (
                Domain("team_id", "in", digest.team_ids.ids)
                | (Domain("team_id", "=", False) if digest.without_team else Domain.FALSE)
            )
            for digest in self
        )

    def _overdue_domain(self):
        """The digest's callbacks still overdue (in the reader's day)."""
        self.ensure_one()
        return self._callbacks_domain() & Domain("is_overdue", "=", True)

    def action_view_overdue(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback.customer_callback_action_all"
        )
        action.update(
            {
                "name": self.env._("Overdue callbacks of %s", self.leader_id.name),
                "domain": list(self._overdue_domain()),
                "context": {"search_default_group_user": 1},
            }
        )
        return action

    # ------------------------------------------------------------------
    # Scheduled action (a step of customer.callback's overdue handling)
    # ------------------------------------------------------------------

    @api.model
    def _escalate(self, today):
        """Bring the digests of ``today`` up to date with the overdue
        callbacks (deadline before ``today``, still open): one digest per
        responsible leader and company, created when missing, the leaders'
        earlier current digests replaced, and closed for the leaders with
        nothing overdue any more. Returns the digests written (none when the
        figures did not change since the last run), or ``None`` when another
        run holds the lock (it does the same work)."""
        if not self.env["customer.callback"]._lock_overdue_handling():
            return None
        Callback = self.env["customer.callback"].sudo()
        in_companies = self._escalation_scope()
        # the overdue callbacks counted per company, team, agent and deadline
        # in one grouped query: the digests' figures, whatever the backlog
        groups = Callback._read_group(
            Domain("state", "in", OPEN_STATES) & Domain("deadline", "<", today) & in_companies,
            ["company_id", "team_id", "user_id", "deadline:day"],
            ["__count"],
        )
        responsible = {}

        def key_of(company, team):
            if (company, team) not in responsible:
                leader = Callback._callback_responsible(company, team or None)
                responsible[company, team] = (leader, company)
            return responsible[company, team]

        keys = {key_of(company, team) for company, team, _user, _day, _count in groups}
        digests = self.sudo()
        since = {
            (leader, company): last
            for leader, company, last in digests._read_group(
                Domain("date", "<", today)
                & Domain("leader_id", "in", list({leader.id for leader, _company in keys})),
                ["leader_id", "company_id"],
                ["date:max"],
            )
        }
        figures = escalation.digest_figures(
            (
                (key_of(company, team), team or None, user.name if user else None, day, count)
                for company, team, user, day, count in groups
            ),
            since,
        )
        found = {
            (d.leader_id, d.company_id): d
            for d in digests.search(Domain("date", "=", today) & in_companies)
        }
        missing = [key for key in figures if key not in found]
        if missing:
            created = digests.with_context(
                mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
            ).create(
                [
                    {"leader_id": leader.id, "company_id": company.id, "date": today}
                    for leader, company in missing
                ]
            )
            found.update(zip(missing, created, strict=True))
        # the earlier current digests: replaced by today's, or closed
        digests.search(
            Domain("state", "=", "current") & Domain("date", "<", today) & in_companies
        )._replace(today, set(figures))
        written = digests
        for key, digest in found.items():
            figure = figures.get(key)
            if figure:
                if not digest._write_figures(figure, today):
                    continue
            elif digest.state == "current":
                # nothing overdue any more today: zero, and closed
                digest._write_figures(
                    escalation.DigestFigures(
                        teams=set(digest.team_ids), without_team=digest.without_team
                    ),
                    today,
                )
                digest._replace(today, set())
            else:
                continue
            written |= digest
        return written

    @api.model
    def _escalation_scope(self):
        """The companies whose digests a run brings up to date, as a domain
        on ``company_id`` of the callbacks and the digests: all."""
        return Domain.TRUE

    def _replace(self, today, keys_of_today):
        """The next day's digest replaces these, or nothing is overdue any
        more: their pending activity is done, they stay as history."""
        if not self:
            return
        self.write({"state": "replaced"})
        activity_type = self.env.ref(DIGEST_ACTIVITY_TYPE)
        for digest in self:
            replaced = (digest.leader_id, digest.company_id) in keys_of_today
            for activity in digest.activity_ids.filtered(
                lambda act: act.activity_type_id == activity_type
            ):
                env = activity.with_context(lang=activity.user_id.lang or self.env.lang).env
                feedback = (
                    env._("Replaced by the digest of %s.", fields.Date.to_string(today))
                    if replaced
                    else env._("No overdue callbacks on %s.", fields.Date.to_string(today))
                )
                activity.with_env(env).action_feedback(feedback=feedback)

    def _write_figures(self, figure, today):
        """Write ``figure`` (escalation.DigestFigures) in the digest and its
        activity, in the leader's language (one activity per digest,
        scheduled the first time, its note updated afterwards). Only what
        changed is written: a run that finds the same figures writes
        nothing. Returns whether anything was written."""
        self.ensure_one()
        env = self.with_context(lang=self.leader_id.lang or self.env.lang).env
        rows = escalation.agent_rows(figure.agents)
        summary = Markup("<p>%s</p><ul>%s</ul>") % (
            env._(
                "%(total)s overdue callbacks, %(new)s of them new today.",
                total=figure.total,
                new=figure.new,
            ),
            Markup().join(
                Markup("<li>%s: %s</li>") % (name or env._("Team queue (nobody)"), count)
                for name, count in rows
            ),
        )
        team_ids = sorted(team.id for team in figure.teams)
        vals = {
            "state": "current" if figure.total else self.state,
            "overdue_count": figure.total,
            "new_count": figure.new,
            "without_team": figure.without_team,
        }
        changed = {name: value for name, value in vals.items() if self[name] != value}
        if str(self.summary or "") != str(summary):
            changed["summary"] = summary
        if sorted(self.team_ids.ids) != team_ids:
            changed["team_ids"] = [fields.Command.set(team_ids)]
        if changed:
            self.with_context(tracking_disable=True).write(changed)
        activity_type = self.env.ref(DIGEST_ACTIVITY_TYPE)
        activity = self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        if activity:
            if str(activity.note or "") != str(summary):
                activity.write({"note": summary})
                changed["note"] = summary
        elif figure.total:
            self.activity_schedule(
                DIGEST_ACTIVITY_TYPE,
                date_deadline=today,
                user_id=self.leader_id.id,
                summary=env._("Overdue callbacks: follow up with the agents"),
                note=summary,
            )
            changed["activity"] = True
        return bool(changed)
