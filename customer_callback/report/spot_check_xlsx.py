# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spot-check records of 002 §7: the detail sheet (服务抽查明细表) and the
summary sheet (服务抽查汇总表), streamed with xlsxwriter in constant memory."""

import os
import tempfile

from odoo import api, models

from ..tools import satisfaction as sat
from ..tools import xlsx_rows

CHUNK = 1000


class ReportSpotCheckXlsx(models.AbstractModel):
    _name = "report.customer_callback.spot_check_xlsx"
    _description = "Spot-check XLSX export"

    def _detail_headers(self):
        return [
            self.env._("Reference"),
            self.env._("Date"),
            self.env._("Customer"),
            self.env._("Agent checked"),
            self.env._("Ticket"),
            self.env._("Score"),
            self.env._("Reason / feedback"),
            self.env._("Praise"),
            self.env._("Follow-up"),
            self.env._("Status"),
        ]

    def _summary_headers(self):
        return [
            self.env._("Agent"),
            self.env._("Scored"),
            self.env._("Sum of scores"),
            self.env._("Average"),
            "1",
            "2",
            "3",
            "4",
            "5",
            self.env._("Unreachable (excluded)"),
            self.env._("Declined (excluded)"),
            self.env._("Still open"),
            self.env._("Target met"),
        ]

    @api.model
    def _detail_chunks(self, batch):
        """Detail rows, fetched CHUNK callbacks at a time."""
        Callback = self.env["customer.callback"].with_context(active_test=False)
        ids = Callback.search([("spot_check_id", "=", batch.id)], order="id").ids
        states = dict(Callback._fields["state"]._description_selection(self.env))
        problems = dict(Callback._fields["problem_status"]._description_selection(self.env))
        fnames = ["name", "done_date", "planned_date", "partner_id", "checked_user_id"]
        fnames += ["ticket_id", "score", "feedback", "summary", "praise", "next_action"]
        fnames += ["problem_status", "state"]
        for start in range(0, len(ids), CHUNK):
            records = Callback.browse(ids[start : start + CHUNK])
            records.fetch(fnames)
            raised = {}
            for ticket in (
                self.env["helpdesk.ticket"]
                .sudo()
                .search([("origin_callback_id", "in", records.ids)], order="id")
            ):
                raised.setdefault(ticket.origin_callback_id.id, []).append(
                    ticket.number or ticket.name
                )
            for record in records:
                yield xlsx_rows.detail_row(
                    {
                        "reference": record.name,
                        "date": record.done_date or record.planned_date,
                        "customer": record.partner_id.display_name,
                        "agent": record.checked_user_id.name,
                        "ticket": record.ticket_id.display_name,
                        "score": record.score,
                        "feedback": record.feedback or record.summary,
                        "praise": record.praise,
                        "follow_up": xlsx_rows.follow_up_text(
                            record.next_action,
                            problems.get(record.problem_status),
                            raised.get(record.id, []),
                        ),
                        "state": states.get(record.state),
                    }
                )
            records.invalidate_recordset()

    @api.model
    def _summary_rows(self, batch):
        per_agent = batch._summaries(groupby=("checked_user_id",))
        users = self.env["res.users"].browse([key[1] for key in per_agent if key[1]])
        names = {user.id: user.name for user in users}
        overall = sat.Summary()
        labelled = []
        for (_batch_id, user_id), summary in per_agent.items():
            overall.merge(summary)
            labelled.append((names.get(user_id) or self.env._("No agent"), summary))
        return xlsx_rows.summary_rows(
            labelled,
            overall,
            batch.satisfaction_target,
            self.env._("Overall"),
            self.env._("Yes"),
            self.env._("No"),
        )

    @api.model
    def _generate(self, batch):
        """The XLSX file of ``batch`` as bytes."""
        handle, path = tempfile.mkstemp(suffix=".xlsx")
        os.close(handle)
        try:
            workbook, formats = xlsx_rows.new_workbook(path)
            detail = workbook.add_worksheet(self.env._("Detail")[:31])
            detail.freeze_panes(1, 0)
            xlsx_rows.write_cells(detail, 0, self._detail_headers(), formats, header=True)
            row = 0
            for row, values in enumerate(self._detail_chunks(batch), start=1):
                xlsx_rows.write_cells(detail, row, values, formats)
            summary = workbook.add_worksheet(self.env._("Summary")[:31])
            xlsx_rows.write_cells(summary, 0, [batch.name], formats)
            xlsx_rows.write_cells(
                summary,
                1,
                [
                    self.env._("Target"),
                    batch.satisfaction_target,
                    self.env._("Satisfaction"),
                    batch.satisfaction if batch.scored_count else None,
                    self.env._("95% interval"),
                    batch.confidence_low or None,
                    batch.confidence_high or None,
                ],
                formats,
            )
            xlsx_rows.write_cells(summary, 3, self._summary_headers(), formats, header=True)
            for row, values in enumerate(self._summary_rows(batch), start=4):
                xlsx_rows.write_cells(summary, row, values, formats)
            workbook.close()
            with open(path, "rb") as stream:
                return stream.read()
        finally:
            os.unlink(path)
