# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaints in the quarterly analysis: the on-time rates and the count
received among the key figures, and the complaints by category and grade."""

from odoo import models


class CustomerCallbackQuarterlyReport(models.TransientModel):
    _inherit = "customer.callback.quarterly.report"

    def _complaints_domain(self, period):
        return [
            ("is_complaint", "=", True),
            ("complaint_date", ">=", period["start"]),
            ("complaint_date", "<", period["end"]),
        ]

    def _key_figures(self, period):
        figures = super()._key_figures(period)
        complaints = self._complaints_domain(period)
        figures["response_on_time"] = self._average(
            "helpdesk.ticket", complaints, "response_on_time"
        )
        figures["resolution_on_time"] = self._average(
            "helpdesk.ticket", complaints, "resolution_on_time"
        )
        figures["complaint_count"] = (
            self.env["helpdesk.ticket"].search_count(self._scope(complaints)),
            None,
        )
        return figures

    def _key_figure_lines(self):
        """The on-time rates after the care coverage, the count received last."""
        env = self.env
        lines = super()._key_figure_lines()
        position = next((index + 1 for index, line in enumerate(lines) if line[0] == "coverage"), 0)
        lines[position:position] = [
            (
                "response_on_time",
                env._("Complaints: first response on time (%)"),
                "percent",
                None,
            ),
            ("resolution_on_time", env._("Complaints: resolved on time (%)"), "percent", None),
        ]
        lines.append(("complaint_count", env._("Complaints received"), "count", None))
        return lines

    def _complaints_by_category_and_grade(self, period):
        rows = self.env["helpdesk.ticket"]._read_group(
            self._scope(
                [
                    ("is_complaint", "=", True),
                    ("complaint_date", ">=", period["start"]),
                    ("complaint_date", "<", period["end"]),
                ]
            ),
            ["category_id", "complaint_grade_id"],
            ["__count", "response_on_time:avg", "resolution_on_time:avg"],
        )
        none = self.env._("None")
        return [
            {
                "category": category.name or none,
                "grade": grade.name or none,
                "count": count,
                "response_on_time": round(response or 0.0, 1),
                "resolution_on_time": round(resolution or 0.0, 1),
            }
            for category, grade, count, response, resolution in sorted(
                rows, key=lambda row: (-row[2], row[0].name or "", row[1].name or "")
            )
        ]

    def _data(self):
        data = super()._data()
        data["complaints"] = self._complaints_by_category_and_grade(
            self._period(self.year, int(self.quarter))
        )
        return data

    def _extra_tables(self, period):
        env = self.env
        tables = super()._extra_tables(period)
        tables.append(
            (
                [
                    env._("Category"),
                    env._("Grade"),
                    env._("Complaints"),
                    env._("First response on time (%)"),
                    env._("Resolved on time (%)"),
                ],
                [
                    [
                        c["category"],
                        c["grade"],
                        c["count"],
                        c["response_on_time"],
                        c["resolution_on_time"],
                    ]
                    for c in self._complaints_by_category_and_grade(period)
                ],
            )
        )
        return tables
