# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The team leader's daily digest of overdue callbacks (issue #18).

The overdue scheduled action stamps each newly overdue callback with the
day's digest of its responsible leader (the team leader, else the company's
callback supervisor, else the administrator) instead of giving the leader one
activity per callback: one digest and one activity per leader, company and
day, whose note counts the overdue callbacks per agent and whose record opens
the list of them. The next day's digest replaces the previous one: its
activity is marked done and it stays as history."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from ..tools import escalation

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
        help="A digest is replaced by the next day's digest of the same leader.",
    )
    callback_ids = fields.One2many(
        "customer.callback", "escalation_id", string="Escalated callbacks", readonly=True
    )
    new_count = fields.Integer(
        string="Newly overdue",
        readonly=True,
        help="Callbacks that became overdue and were escalated in this digest.",
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

    def _overdue_domain(self):
        """The leader's callbacks escalated in this company and still overdue
        (in the reader's day)."""
        self.ensure_one()
        return (
            Domain("escalation_id.leader_id", "=", self.leader_id.id)
            & Domain("escalation_id.company_id", "=", self.company_id.id)
            & Domain("is_overdue", "=", True)
        )

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
    # Scheduled action (called by customer.callback._escalate_overdue)
    # ------------------------------------------------------------------

    @api.model
    def _escalate(self, callbacks, today):
        """Stamp the overdue ``callbacks`` with their leader's digest of
        ``today``, creating the digests missing (and replacing the leaders'
        earlier ones), then refresh the counts and activities of the digests
        touched. Batched: the callbacks are grouped by company and team in
        one query, written with one UPDATE per digest (no tracking: neither
        field is tracked), and each digest is counted in one query."""
        Callback = callbacks.browse().sudo().with_context(active_test=False)
        teams = Callback._read_group(
            Domain("id", "in", callbacks.ids), ["company_id", "team_id"], ["id:array_agg"]
        )
        groups = escalation.group_by_digest(
            teams,
            lambda row: (Callback._callback_responsible(row[0], row[1]), row[0]),
        )
        digests = self._digests_of_day(list(groups), today)
        for key, rows in groups.items():
            digest = digests[key]
            ids = [cb_id for _company, _team, team_ids in rows for cb_id in team_ids]
            Callback.browse(ids).with_context(mail_notrack=True, tracking_disable=True).write(
                {"escalation_date": today, "escalation_id": digest.id}
            )
            digest.new_count += len(ids)
        touched = self.browse([digest.id for digest in digests.values()])
        touched._refresh(today)
        return touched

    @api.model
    def _digests_of_day(self, keys, today):
        """``{(leader, company): digest}`` of ``today`` for ``keys``: the
        existing ones, and new ones created in one batch; the leaders'
        earlier current digests are replaced by the new ones."""
        digests = self.sudo()
        existing = digests.search(
            Domain("date", "=", today)
            & Domain("leader_id", "in", list({leader.id for leader, _company in keys}))
        )
        found = {(d.leader_id, d.company_id): d for d in existing}
        missing = [key for key in keys if key not in found]
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
            earlier = digests.search(
                Domain("state", "=", "current")
                & Domain("date", "<", today)
                & Domain.OR(
                    Domain("leader_id", "=", leader.id) & Domain("company_id", "=", company.id)
                    for leader, company in missing
                )
            )
            earlier._replace(today)
        return found

    def _replace(self, today):
        """The next day's digest replaces these: their pending activity is
        done, they stay as history."""
        self.write({"state": "replaced"})
        activities = self.activity_ids.filtered(
            lambda act: act.activity_type_id == self.env.ref(DIGEST_ACTIVITY_TYPE)
        )
        for activity in activities:
            activity.with_context(lang=activity.user_id.lang or self.env.lang).action_feedback(
                feedback=activity.with_context(lang=activity.user_id.lang or self.env.lang).env._(
                    "Replaced by the digest of %s.", fields.Date.to_string(today)
                )
            )

    def _refresh(self, today):
        """Count the overdue callbacks per agent of each digest's leader and
        write them in the digest and its activity (one activity per digest,
        scheduled the first time, its note updated afterwards)."""
        Callback = self.env["customer.callback"].sudo().with_context(active_test=False)
        activity_type = self.env.ref(DIGEST_ACTIVITY_TYPE)
        for digest in self:
            env = digest.with_context(lang=digest.leader_id.lang or self.env.lang).env
            domain = (
                Domain("escalation_id.leader_id", "=", digest.leader_id.id)
                & Domain("escalation_id.company_id", "=", digest.company_id.id)
                & Domain("state", "in", ("draft", "planned", "in_progress"))
                & Domain("deadline", "<", today)
            )
            counts = {
                (user.name if user else None): count
                for user, count in Callback._read_group(domain, ["user_id"], ["__count"])
            }
            rows = escalation.agent_rows(counts)
            total = sum(count for _name, count in rows)
            summary = Markup("<p>%s</p><ul>%s</ul>") % (
                env._(
                    "%(total)s overdue callbacks, %(new)s of them new today.",
                    total=total,
                    new=digest.new_count,
                ),
                Markup().join(
                    Markup("<li>%s: %s</li>") % (name or env._("Team queue (nobody)"), count)
                    for name, count in rows
                ),
            )
            digest.write({"overdue_count": total, "summary": summary})
            activity = digest.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            if activity:
                activity.write({"note": summary})
            else:
                digest.activity_schedule(
                    DIGEST_ACTIVITY_TYPE,
                    date_deadline=today,
                    user_id=digest.leader_id.id,
                    summary=env._("Overdue callbacks: follow up with the agents"),
                    note=summary,
                )
