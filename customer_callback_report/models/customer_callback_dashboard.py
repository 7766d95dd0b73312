# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""服务看板 — the supervisors' KPI dashboard: what the *Callback dashboard*
screen (static/src/dashboard) reads, in one call.

The figures are those of the quarterly analysis
(``customer.callback.quarterly.report._key_figures``, extended by other
addons through its hooks), for this month and this quarter and the periods
before, in the reader's timezone."""

from datetime import datetime, time

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.customer_callback.models.customer_callback import OPEN_STATES
from odoo.addons.customer_callback.tools import call_window, periods, quarters

TREND_MONTHS = 6
# the satisfaction sources of the trend: every key figure on the 5-point scale
SCORE_KIND = "score"


class CustomerCallbackDashboard(models.AbstractModel):
    _name = "customer.callback.dashboard"
    _description = "Callback dashboard"

    @api.model
    def get_dashboard_data(self):
        """Every figure of the dashboard for the user's current company:
        this month's and this quarter's key figures against the period before
        and the target, the satisfaction trend of the last six months per
        source and the spot-check of the month; each with the action of the
        list behind it. Addons add their cards by extending it (the open
        complaints: customer_callback_complaint_report)."""
        self.env["customer.callback"]._check_callback_supervisor()
        # the callback analysis is a SQL view over the callbacks' table
        self.env.flush_all()
        company = self.env.company
        zone = call_window.get_zone(self.env["customer.callback"]._reader_tz())
        today = call_window.to_local(fields.Datetime.now(), zone).date()
        report = self.env["customer.callback.quarterly.report"].new({"company_id": company.id})
        year, month = today.year, today.month
        months = periods.last_months(year, month, TREND_MONTHS)
        month_periods = {
            key: self._dashboard_period(*periods.month_bounds(*key), zone) for key in months
        }
        month_figures = {key: report._key_figures(month_periods[key]) for key in months}
        this_quarter = quarters.quarter_of(today)
        previous_quarter = quarters.previous(*this_quarter)
        quarter_period = self._dashboard_period(*quarters.bounds(*this_quarter), zone)
        quarter_figures = report._key_figures(quarter_period)
        previous_quarter_figures = report._key_figures(
            self._dashboard_period(*quarters.bounds(*previous_quarter), zone)
        )
        lines = report._key_figure_lines()
        this_month, last_month = months[-1], months[-2]
        figures = []
        for key, label, kind, target in lines:
            figures.append(
                {
                    "key": key,
                    "label": label,
                    "kind": kind,
                    "target": target,
                    "target_text": target is not None and report._text(target, kind) or "",
                    "month": self._dashboard_figure(
                        report,
                        key,
                        kind,
                        target,
                        month_figures[this_month],
                        month_figures[last_month],
                        month_periods[this_month],
                    ),
                    "quarter": self._dashboard_figure(
                        report,
                        key,
                        kind,
                        target,
                        quarter_figures,
                        previous_quarter_figures,
                        quarter_period,
                    ),
                }
            )
        return {
            "company": company.name,
            "today": fields.Date.to_string(today),
            "month": periods.month_label(*this_month),
            "previous_month": periods.month_label(*last_month),
            "quarter": quarters.label(*this_quarter),
            "previous_quarter": quarters.label(*previous_quarter),
            "figures": figures,
            "trend": self._dashboard_trend(report, lines, months, month_figures, month_periods),
            "spot_check": self._dashboard_spot_check(
                company, month_periods[this_month], month_periods[last_month]
            ),
            "quarterly_report_action": self._dashboard_quarterly_report_action(*this_quarter),
            "routing": self._dashboard_routing(company),
        }

    @api.model
    def _dashboard_routing(self, company):
        """The rules and teams that route callbacks to no team with an agent,
        and the open callbacks that belong to nobody (issue #29): one line
        each, with the record or list to fix."""
        lines = []
        for issue in company._callback_routing_issues():
            if issue["res_id"]:
                action = {
                    "type": "ir.actions.act_window",
                    "res_model": issue["res_model"],
                    "res_id": issue["res_id"],
                    "views": [[False, "form"]],
                    "target": "current",
                }
            elif issue["res_model"] == "customer.callback":
                action = self._dashboard_callbacks_action(issue["name"], Domain(issue["domain"]))
            else:
                action = self._dashboard_action(
                    issue["res_model"], self.env._("Cadence rules"), Domain(issue["domain"])
                )
            lines.append({"message": issue["message"], "action": action})
        return lines

    # ------------------------------------------------------------------
    # Periods and figures
    # ------------------------------------------------------------------

    @api.model
    def _dashboard_period(self, first, following, zone):
        """A period of the quarterly analysis (``_key_figures``): naive UTC
        datetimes [start, end) and the dates, in the reader's timezone."""

        def utc(day):
            return call_window.to_utc_naive(datetime.combine(day, time.min, tzinfo=zone))

        return {"start": utc(first), "end": utc(following), "first": first, "following": following}

    @api.model
    def _dashboard_figure(self, report, key, kind, target, current, previous, period):
        value, count = current[key]
        previous_value = previous[key][0]
        change = quarters.change(value, previous_value)
        if change is None or change == 0:
            better = None
        else:
            # a count is better lower (complaints received); every other figure higher
            better = change < 0 if kind == "count" else change > 0
        return {
            "value": value,
            "text": report._text(value, kind),
            "count": count,
            "previous": previous_value,
            "previous_text": report._text(previous_value, kind),
            "change": change,
            "change_text": "" if change is None else self._dashboard_change_text(change, kind),
            "better": better,
            "met": None if target is None or value is None else value >= target,
            "action": self._dashboard_figure_action(key, period),
        }

    @api.model
    def _dashboard_change_text(self, change, kind):
        if kind == "count":
            return f"{int(change):+d}"
        return f"{change:+.1f}" if kind == "percent" else f"{change:+.2f}"

    @api.model
    def _dashboard_trend(self, report, lines, months, month_figures, month_periods):
        """The satisfaction of each source (key figures on the 5-point
        scale) per month, oldest first."""
        first_period = month_periods[months[0]]
        last_period = month_periods[months[-1]]
        trend_period = {
            "start": first_period["start"],
            "end": last_period["end"],
            "first": first_period["first"],
            "following": last_period["following"],
        }
        series = []
        for key, label, kind, target in lines:
            if kind != SCORE_KIND:
                continue
            series.append(
                {
                    "key": key,
                    "label": label,
                    "target": target,
                    "points": [
                        {
                            "month": periods.month_label(*month),
                            "value": month_figures[month][key][0],
                            "text": report._text(month_figures[month][key][0], kind),
                            "count": month_figures[month][key][1],
                        }
                        for month in months
                    ],
                    "action": self._dashboard_figure_action(key, trend_period),
                }
            )
        return {"months": [periods.month_label(*month) for month in months], "series": series}

    @api.model
    def _dashboard_spot_check(self, company, period, previous_period):
        """The spot-checks of this month and of last month: callbacks drawn,
        called (closed), still open, against the sample size and the due
        day."""
        Batch = self.env["customer.callback.spot.check"]
        batches = Batch.search(
            Domain("company_id", "=", company.id)
            & Domain("date_from", "in", [period["first"], previous_period["first"]])
        )
        # cancelled spot-check calls stay in the count of the drawn sample
        rows = (
            self.env["customer.callback"]._read_group(
                Domain("spot_check_id", "in", batches.ids), ["spot_check_id", "state"], ["__count"]
            )
            if batches
            else []
        )
        counts = {}
        for batch, state, count in rows:
            entry = counts.setdefault(batch.date_from, {"total": 0, "open": 0})
            entry["total"] += count
            if state in OPEN_STATES:
                entry["open"] += count

        def month(current):
            mine = batches.filtered(lambda b: b.date_from == current["first"])
            entry = counts.get(current["first"], {"total": 0, "open": 0})
            called = entry["total"] - entry["open"]
            return {
                "batches": len(mine),
                "sample_size": sum(mine.mapped("sample_size")),
                # the pool held fewer customers than the monthly minimum
                "shortfall": sum(mine.mapped("shortfall")),
                "total": entry["total"],
                "called": called,
                "open": entry["open"],
                "progress": periods.share(called, entry["total"]),
                "due_date": fields.Date.to_string(min(mine.mapped("due_date"), default=None))
                if mine.filtered("due_date")
                else "",
                "action": self._dashboard_callbacks_action(
                    self.env._("Spot-checks"),
                    Domain("spot_check_id", "in", mine.ids),
                ),
            }

        current, previous = month(period), month(previous_period)
        current["previous_progress"] = previous["progress"]
        current["previous_called"] = previous["called"]
        current["previous_total"] = previous["total"]
        current["previous_action"] = previous["action"]
        current["change_text"] = (
            ""
            if current["progress"] is None or previous["progress"] is None
            else self._dashboard_change_text(current["progress"] - previous["progress"], "percent")
        )
        current["target"] = company.callback_spot_check_min_size
        return current

    # ------------------------------------------------------------------
    # The lists behind the figures
    # ------------------------------------------------------------------

    @api.model
    def _dashboard_figure_action(self, key, period):
        """The list a key figure of ``period`` is computed from; other addons
        add theirs (``_dashboard_extra_figure_action``)."""
        company = Domain("company_id", "=", self.env.company.id)
        scored = (
            company
            & Domain("state", "=", "done")
            & Domain("done_date", ">=", period["start"])
            & Domain("done_date", "<", period["end"])
            & Domain("score", ">", 0)
        )
        if key == "coverage":
            return self._dashboard_callbacks_action(
                self.env._("Callbacks due"),
                company
                & Domain("deadline", ">=", period["first"])
                & Domain("deadline", "<", period["following"]),
                group_by="state",
            )
        if key == "callback_score":
            return self._dashboard_callbacks_action(
                self.env._("Scored callbacks"), scored & Domain("spot_check_id", "=", False)
            )
        if key == "spot_check_score":
            return self._dashboard_callbacks_action(
                self.env._("Scored spot-checks"), scored & Domain("spot_check_id", "!=", False)
            )
        return self._dashboard_extra_figure_action(key, period)

    @api.model
    def _dashboard_extra_figure_action(self, key, period):
        """The list behind a key figure another addon adds (None: no list)."""
        return None

    @api.model
    def _dashboard_action(self, model, name, domain, group_by=None):
        context = {"active_test": False}
        if group_by:
            context["group_by"] = [group_by]
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "views": [[False, "list"], [False, "form"]],
            "domain": list(domain),
            "context": context,
            "target": "current",
        }

    @api.model
    def _dashboard_callbacks_action(self, name, domain, group_by=None):
        action = self._dashboard_action("customer.callback", name, domain, group_by)
        action["search_view_id"] = [
            self.env.ref("customer_callback.customer_callback_view_search").id,
            "search",
        ]
        return action

    @api.model
    def _dashboard_quarterly_report_action(self, year, quarter):
        """The quarterly analysis wizard, on this quarter."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_callback_report.customer_callback_quarterly_report_action"
        )
        action["context"] = {"default_year": year, "default_quarter": str(quarter)}
        return action
