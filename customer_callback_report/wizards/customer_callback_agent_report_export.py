# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX export of the agents' monthly callback report (SPEC §8, 000 §6.2).

The file is served by the report ``customer_callback_report.agent_report_xlsx``
(report/agent_report_xlsx.py); an export belongs to its company and to the
user who made it (record rules)."""

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from odoo.addons.customer_callback.tools import call_window

from ..tools import xlsx_rows

SUMS = (
    "callback_count",
    "done_count",
    "unreachable_count",
    "declined_count",
    "scored_count",
    "problem_count",
    "problem_solved_count",
)


class CustomerCallbackAgentReportExport(models.TransientModel):
    _name = "customer.callback.agent.report.export"
    _description = "Export the Agents' Monthly Callback Report"

    date_from = fields.Date(
        string="From month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        string="To month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team")
    user_ids = fields.Many2many("res.users", string="Agents", help="All agents when empty.")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The last month comes before the first one."))

    def _zone(self):
        """The reader's timezone: the context's (the web client's), else the
        user's, else the company's callback timezone."""
        self.ensure_one()
        return call_window.get_zone(
            self.env.context.get("tz") or self.env.user.tz or self.company_id._callback_tz()
        )

    def _in_zone(self):
        """The export read in :meth:`_zone`: ``_read_group`` cuts ``date:month``
        in the context's timezone, the period in :meth:`_domain` in the same."""
        return self.with_context(tz=self._zone().key)

    def _domain(self):
        """The export's callbacks: its company, its months from local
        midnight on the first day of the first month to local midnight on
        the first day after the last month, in the reader's timezone."""
        zone = self._zone()
        start = self.date_from.replace(day=1)
        end = self.date_to.replace(day=1) + relativedelta(months=1)
        domain = (
            Domain("company_id", "=", self.company_id.id)
            & Domain("date", ">=", call_window.local_day_bounds(start, zone.key)[0])
            & Domain("date", "<", call_window.local_day_bounds(end, zone.key)[0])
        )
        if self.team_id:
            domain &= Domain("team_id", "=", self.team_id.id)
        if self.user_ids:
            domain &= Domain("user_id", "in", self.user_ids.ids)
        return domain

    def _groups(self):
        """(month, agent, counts) per month and agent: a single read-group."""
        self.ensure_one()
        export = self._in_zone()
        groups = export.env["customer.callback.agent.report"]._read_group(
            export._domain(),
            ["date:month", "user_id"],
            [f"{name}:sum" for name in SUMS] + ["score:sum"],
            order="date:month, user_id",
        )
        result = []
        for month, user, *values in groups:
            counts = dict(zip(SUMS + ("score_sum",), values, strict=True))
            counts = {
                "callbacks": counts["callback_count"],
                "done": counts["done_count"],
                "unreachable": counts["unreachable_count"],
                "declined": counts["declined_count"],
                "scored": counts["scored_count"],
                "score_sum": counts["score_sum"] or 0,
                "problems": counts["problem_count"],
                "problems_solved": counts["problem_solved_count"],
            }
            result.append((month, user, counts))
        return result

    def _agent_name(self, user):
        return user.name or self.env._("Team queue (unassigned)")

    def _rows(self):
        """One row per month and agent."""
        return [
            xlsx_rows.agent_report_row(month.strftime("%Y-%m"), self._agent_name(user), counts)
            for month, user, counts in self._groups()
        ]

    def _headers(self):
        return [
            self.env._("Month"),
            self.env._("Agent"),
            self.env._("Callbacks"),
            self.env._("Done"),
            self.env._("Unreachable"),
            self.env._("Declined"),
            self.env._("Average score"),
            self.env._("Problems raised"),
            self.env._("Problems solved"),
            self.env._("Problems open"),
        ]

    def _pages(self):
        """One printed page per month and agent: the month's figures and the
        problems raised during the agent's callbacks, with their state."""
        self.ensure_one()
        export = self._in_zone()
        labels = self._headers()[2:]
        # the callbacks of each month and agent, then their tickets: two queries
        callback_ids = {
            (month, user): ids
            for month, user, ids in export.env["customer.callback.agent.report"]._read_group(
                export._domain(), ["date:month", "user_id"], ["callback_id:array_agg"]
            )
        }
        tickets_by_callback = defaultdict(list)
        for ticket in self.env["helpdesk.ticket"].search(
            [("origin_callback_id", "in", [i for ids in callback_ids.values() for i in ids])],
            order="create_date, id",
        ):
            tickets_by_callback[ticket.origin_callback_id.id].append(ticket)
        pages = []
        for month, user, counts in export._groups():
            row = xlsx_rows.agent_report_row(
                month.strftime("%Y-%m"), self._agent_name(user), counts
            )
            tickets = sorted(
                (
                    ticket
                    for callback_id in callback_ids.get((month, user), ())
                    for ticket in tickets_by_callback[callback_id]
                ),
                key=lambda ticket: (ticket.create_date, ticket.id),
            )
            pages.append(
                {
                    "month": row[0],
                    "agent": row[1],
                    "figures": list(zip(labels, self._figure_texts(row[2:]), strict=True)),
                    "problems": [
                        {
                            "ticket": ticket.display_name,
                            "customer": ticket.partner_id.display_name or "",
                            "stage": ticket.stage_id.name or "",
                            "closed": ticket.stage_id.closed,
                        }
                        for ticket in tickets
                    ],
                }
            )
        return pages

    @api.model
    def _figure_texts(self, values):
        """The printed figures: counts as integers, the average score with two
        decimals (empty when nothing was scored)."""
        average = 4  # index of the average score after month and agent
        return [
            ("" if value is None else f"{value:.2f}") if index == average else str(int(value or 0))
            for index, value in enumerate(values)
        ]

    def action_print(self):
        self.ensure_one()
        self.env["customer.callback"]._check_callback_supervisor()
        self.check_access("read")
        return self.env.ref("customer_callback_report.agent_month_report_action").report_action(
            self, config=False
        )

    def _generate(self):
        """The XLSX file as bytes, as the report route makes it."""
        report = self.env["report.customer_callback_report.agent_report_xlsx"]
        return report.with_context(active_model=self._name).create_xlsx_report(self.ids, {})[0]

    def action_export(self):
        self.ensure_one()
        self.env["customer.callback"]._check_callback_supervisor()
        self.check_access("read")
        return self.env.ref("customer_callback_report.agent_report_xlsx_report").report_action(
            self, config=False
        )
