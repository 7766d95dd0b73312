# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""客户关怀与售后分析报告 — the quarterly care and after-sales analysis (SOP
003 step 6): per company and quarter, optionally per team, each figure
against the previous quarter and the target. Printed (QWeb) or as XLSX
(report ``quarterly_report_xlsx``), from Reporting > Quarterly analysis."""

import logging
from datetime import datetime, time

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.fields import Domain

from odoo.addons.customer_callback.tools import call_window, periods, quarters

_logger = logging.getLogger(__name__)

TOP_PROBLEMS = 10
SUPERVISOR_GROUP = "customer_callback.customer_callback_group_supervisor"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _quarter_selection():
    return [(str(q), f"Q{q}") for q in range(1, 5)]


class CustomerCallbackQuarterlyReport(models.TransientModel):
    _name = "customer.callback.quarterly.report"
    _description = "Quarterly Care and After-sales Analysis"

    def _default_year(self):
        return quarters.quarter_of(fields.Date.context_today(self))[0]

    def _default_quarter(self):
        return str(quarters.quarter_of(fields.Date.context_today(self))[1])

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    year = fields.Integer(required=True, default=lambda self: self._default_year())
    quarter = fields.Selection(
        _quarter_selection(), required=True, default=lambda self: self._default_quarter()
    )
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", help="All teams when empty.")

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------

    def _period(self, year, quarter):
        """The quarter as naive UTC datetimes [start, end) and dates, in the
        company's timezone."""
        first, following = quarters.bounds(year, quarter)
        zone = call_window.get_zone(self.company_id._callback_tz())

        def utc(day):
            return call_window.to_utc_naive(datetime.combine(day, time.min, tzinfo=zone))

        return {"start": utc(first), "end": utc(following), "first": first, "following": following}

    def _scope(self, domain):
        domain = Domain(domain) & Domain("company_id", "=", self.company_id.id)
        if self.team_id:
            domain &= Domain("team_id", "=", self.team_id.id)
        return domain

    def _average(self, model, domain, measure):
        [[value, count]] = self.env[model]._read_group(
            self._scope(domain), [], [f"{measure}:avg", "__count"]
        )
        return (round(value, 2) if count and value is not None else None), count

    def _key_figures(self, period):
        """{key: (value, count)} for one quarter."""
        start, end = period["start"], period["end"]
        done = [("state", "=", "done"), ("done_date", ">=", start), ("done_date", "<", end)]
        figures = {
            "coverage": self._average(
                "customer.callback.agent.report",
                # callbacks not due yet have no coverage (NULL): left out of the average
                [("deadline", ">=", period["first"]), ("deadline", "<", period["following"])],
                "coverage",
            ),
            "callback_score": self._average(
                "customer.callback",
                done + [("spot_check_id", "=", False), ("score", ">", 0)],
                "score",
            ),
            "spot_check_score": self._average(
                "customer.callback",
                done + [("spot_check_id", "!=", False), ("score", ">", 0)],
                "score",
            ),
        }
        figures.update(self._extra_key_figures(period))
        return figures

    def _extra_key_figures(self, period):
        """More figures from other addons (the survey addon adds the survey
        score, the complaints' bridge the complaints' figures): {key: (value,
        count)}."""
        return {}

    def _key_figure_lines(self):
        """(key, label, kind, target): kind ``percent``, ``score`` or ``count``."""
        target = self.company_id.callback_satisfaction_target
        env = self.env
        lines = [
            ("coverage", env._("Care coverage (%)"), "percent", None),
            ("callback_score", env._("Satisfaction: callbacks"), "score", target),
            ("spot_check_score", env._("Satisfaction: spot-checks"), "score", target),
        ]
        lines += self._extra_key_figure_lines(target)
        return lines

    def _extra_key_figure_lines(self, target):
        return []

    def _problem_counts(self, period):
        """Problems of the quarter by category (the tickets raised during
        callbacks, and the complaints: ``_callback_problem_domain``)."""
        Ticket = self.env["helpdesk.ticket"]
        rows = Ticket._read_group(
            self._scope(Ticket._callback_problem_domain(period["start"], period["end"])),
            ["category_id"],
            ["__count"],
        )
        return {category: count for category, count in rows}

    def _data(self):
        """Everything the print and the XLSX show."""
        self.ensure_one()
        # the callback analysis is a SQL view over the callbacks' table:
        # pending ORM writes must reach the table first
        self.env.flush_all()
        year, quarter = self.year, int(self.quarter)
        before = quarters.previous(year, quarter)
        current_period = self._period(year, quarter)
        previous_period = self._period(*before)
        current, previous = self._key_figures(current_period), self._key_figures(previous_period)
        key_figures = []
        for key, label, kind, target in self._key_figure_lines():
            value, count = current[key]
            previous_value = previous[key][0]
            key_figures.append(
                {
                    "label": label,
                    "kind": kind,
                    "value": value,
                    "count": count,
                    "previous": previous_value,
                    "change": quarters.change(value, previous_value),
                    "target": target,
                    "met": None if target is None or value is None else value >= target,
                }
            )
        problems_now = self._problem_counts(current_period)
        problems_before = self._problem_counts(previous_period)
        none = self.env._("None")
        problems = [
            {
                "category": category.name or none,
                "count": count,
                "previous": problems_before.get(category, 0),
            }
            for category, count in sorted(
                problems_now.items(), key=lambda item: (-item[1], item[0].name or "")
            )[:TOP_PROBLEMS]
        ]
        return {
            "title": self.env._("Customer care and after-sales analysis"),
            "company": self.company_id.name,
            "team": self.team_id.name or self.env._("All teams"),
            "quarter": quarters.label(year, quarter),
            "previous_quarter": quarters.label(*before),
            "key_figures": key_figures,
            "problems": problems,
            # more tables of the XLSX, after the key figures: (headers, rows)
            "extra_tables": self._extra_tables(current_period),
        }

    def _extra_tables(self, period):
        """Tables other addons add to the analysis of ``period`` (the
        complaints' bridge: complaints by category and grade), as
        ``(headers, rows)``; the print shows them through its template."""
        return []

    @api.model
    def _text(self, value, kind):
        """A figure as printed: percent and score with decimals, counts whole."""
        if value is None:
            return "—"
        if kind == "count":
            return str(int(value))
        if kind == "percent":
            return f"{value:.1f}"
        return f"{value:.2f}"

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_reader(self):
        self.env["customer.callback"]._check_callback_supervisor()
        self.check_access("read")

    def action_print(self):
        self.ensure_one()
        self._check_reader()
        return self.env.ref("customer_callback_report.quarterly_report_action").report_action(
            self, config=False
        )

    def action_export(self):
        self.ensure_one()
        self._check_reader()
        return self.env.ref("customer_callback_report.quarterly_report_xlsx_action").report_action(
            self, config=False
        )

    # ------------------------------------------------------------------
    # Quarter-end e-mail to the supervisors
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_quarterly_reports(self):
        """Scheduled action (daily): e-mail the supervisors of each company
        that asks for it (Settings) the analysis of the quarter before, once:
        on the first run on or after the quarter's first day in the company's
        timezone. Each company's mail and its stamp are committed together,
        so a run killed half-way or run again sends nothing twice."""
        while True:
            done, remaining = self._send_quarterly_report_batch()
            if not done:
                break
            if not self.env["ir.cron"]._commit_progress(done, remaining=remaining):
                break

    @api.model
    def _quarterly_mail_due(self, companies=None):
        """{company: (year, quarter)}: the reports due now."""
        if companies is None:
            companies = self.env["res.company"].search(
                [("callback_quarterly_mail", "=", True)], order="id"
            )
        now = fields.Datetime.now()
        due = {}
        for company in companies:
            today = call_window.to_local(now, call_window.get_zone(company._callback_tz())).date()
            quarter = periods.quarter_to_send(today, company.callback_quarterly_mail_sent)
            if company.callback_quarterly_mail and quarter:
                due[company] = quarter
        return due

    @api.model
    def _send_quarterly_report_batch(self, batch_size=10):
        """Send the due reports of up to ``batch_size`` companies: (companies
        done, companies left). A company another worker is sending is
        skipped (row lock) and its stamp read again once locked."""
        due = self._quarterly_mail_due()
        candidates = self.env["res.company"].union(*list(due)[:batch_size])
        locked = candidates.try_lock_for_update(allow_referencing=True)
        locked.invalidate_recordset(["callback_quarterly_mail", "callback_quarterly_mail_sent"])
        for company, quarter in self._quarterly_mail_due(locked).items():
            self._send_quarterly_report(company, *quarter)
            company.callback_quarterly_mail_sent = periods.quarter_key(*quarter)
        return len(locked), len(due) - len(locked)

    @api.model
    def _quarterly_report_recipients(self, company):
        """The active supervisors of ``company`` with an e-mail address."""
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("all_group_ids", "in", self.env.ref(SUPERVISOR_GROUP).id),
                    ("company_ids", "in", company.id),
                    ("share", "=", False),
                    ("email", "!=", False),
                ],
                order="id",
            )
        )

    @api.model
    def _send_quarterly_report(self, company, year, quarter):
        """Queue one e-mail per language of the supervisors of ``company``,
        with the analysis of ``(year, quarter)`` as the first of them reads
        it: the XLSX, and the PDF when wkhtmltopdf is there. Returns the
        mails."""
        Mail = self.env["mail.mail"].sudo()
        mails = Mail
        recipients = self._quarterly_report_recipients(company)
        if not recipients:
            _logger.info(
                "Quarterly report %s of %s: no supervisor with an e-mail address",
                quarters.label(year, quarter),
                company.name,
            )
        for lang, users in recipients.grouped("lang").items():
            reader = users[0]
            env = self.with_user(reader).with_company(company).with_context(lang=lang).env
            report = env["customer.callback.quarterly.report"].create(
                {"company_id": company.id, "year": year, "quarter": str(quarter)}
            )
            analysis = report._data()
            content, _kind = env["ir.actions.report"]._render(
                "customer_callback_report.quarterly_report_xlsx_action", report.ids
            )
            title = f"{analysis['title']} {analysis['quarter']}"
            mail = Mail.create(
                {
                    "subject": f"{title} — {company.name}",
                    "body_html": self._quarterly_mail_body(env, analysis),
                    "email_from": company.email_formatted
                    or self.env["ir.mail_server"]._get_default_from_address(),
                    "recipient_ids": [Command.set(users.partner_id.ids)],
                    # the message's recipients, and they only, may read its attachment
                    "partner_ids": [Command.set(users.partner_id.ids)],
                    "auto_delete": False,
                }
            )
            files = [(f"{title}.xlsx", content, XLSX_MIMETYPE)]
            pdf = self._quarterly_report_pdf(env, report)
            if pdf:
                files.append((f"{title}.pdf", pdf, "application/pdf"))
            mail.attachment_ids = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": name,
                            "raw": raw,
                            "mimetype": mimetype,
                            "res_model": "mail.message",
                            "res_id": mail.mail_message_id.id,
                        }
                        for name, raw, mimetype in files
                    ]
                )
            )
            mails |= mail
        return mails

    @api.model
    def _quarterly_report_pdf(self, env, report):
        """The printed analysis as PDF when wkhtmltopdf can make it; None
        otherwise (the XLSX is attached alone)."""
        Report = env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() != "ok":
            return None
        content, kind = Report._render_qweb_pdf(
            "customer_callback_report.quarterly_report_action", report.ids
        )
        return content if kind == "pdf" else None

    @api.model
    def _quarterly_mail_body(self, env, analysis):
        cell = Markup("<td style='text-align: right'>%s</td>")
        rows = Markup("").join(
            Markup("<tr><td>%s</td>%s%s</tr>")
            % (
                line["label"],
                cell % self._text(line["value"], line["kind"]),
                cell % self._text(line["previous"], line["kind"]),
            )
            for line in analysis["key_figures"]
        )
        intro = env._(
            "The customer care and after-sales analysis of %(quarter)s for %(company)s is "
            "attached.",
            quarter=analysis["quarter"],
            company=analysis["company"],
        )
        return Markup(
            "<p>%s</p><table border='1' cellpadding='4' style='border-collapse: collapse'>"
            "<tr><th>%s</th><th>%s</th><th>%s</th></tr>%s</table>"
        ) % (
            escape(intro),
            env._("Figure"),
            analysis["quarter"],
            analysis["previous_quarter"],
            rows,
        )
