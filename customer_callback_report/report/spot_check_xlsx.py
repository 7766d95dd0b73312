# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spot-check records of 002 §7: the detail sheet (服务抽查明细表) and the
summary sheet (服务抽查汇总表), streamed with xlsxwriter in constant memory.

Served by OCA report_xlsx through ``/report/xlsx/customer_callback_report.spot_check_xlsx/<ids>``:
the file is made for the user who asks, from the batches they may read, and
is never stored."""

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.customer_callback.tools import satisfaction as sat

from ..tools import xlsx_rows

CHUNK = 1000


class ReportSpotCheckXlsx(models.AbstractModel):
    _name = "report.customer_callback_report.spot_check_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Spot-check XLSX export"

    def get_workbook_options(self):
        return dict(xlsx_rows.WORKBOOK_OPTIONS)

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
        """Detail rows, CHUNK callbacks per query.

        The callbacks are found through the ORM (access rights and record
        rules of the user exporting apply); their columns are then read with
        one SQL query per chunk, names joined in, instead of loading 50,000
        callbacks, partners and tickets into the cache. The customer is the
        partner's stored ``complete_name`` and the ticket ``number - name``,
        as in the form views; times are in the exporting user's timezone."""
        Callback = self.env["customer.callback"].with_context(active_test=False)
        ids = Callback.search([("spot_check_id", "=", batch.id)], order="id").ids
        states = dict(Callback._fields["state"]._description_selection(self.env))
        problems = dict(Callback._fields["problem_status"]._description_selection(self.env))
        Callback.flush_model()
        self.env["helpdesk.ticket"].flush_model(["number", "name", "origin_callback_id", "active"])
        self.env["res.partner"].flush_model(["complete_name", "name"])
        self.env["res.users"].flush_model(["partner_id"])
        cr = self.env.cr
        for start in range(0, len(ids), CHUNK):
            cr.execute(
                SQL(
                    """
                SELECT cb.name, cb.done_date, cb.planned_date, customer.complete_name,
                       checker.name, ticket.number, ticket.name, cb.score,
                       COALESCE(NULLIF(cb.feedback, ''), cb.summary), cb.praise,
                       cb.next_action, cb.problem_status, cb.state,
                       ARRAY(SELECT COALESCE(raised.number, raised.name)
                               FROM helpdesk_ticket raised
                              WHERE raised.origin_callback_id = cb.id AND raised.active
                           ORDER BY raised.id)
                  FROM customer_callback cb
             LEFT JOIN res_partner customer ON customer.id = cb.partner_id
             LEFT JOIN res_users agent ON agent.id = cb.checked_user_id
             LEFT JOIN res_partner checker ON checker.id = agent.partner_id
             LEFT JOIN helpdesk_ticket ticket ON ticket.id = cb.ticket_id
                 WHERE cb.id = ANY(%s)
              ORDER BY cb.id
                    """,
                    ids[start : start + CHUNK],
                )
            )
            for (
                reference,
                done_date,
                planned_date,
                customer,
                agent,
                number,
                ticket_name,
                score,
                feedback,
                praise,
                next_action,
                problem_status,
                state,
                raised,
            ) in cr.fetchall():
                yield xlsx_rows.detail_row(
                    {
                        "reference": reference,
                        "date": self._local(done_date or planned_date),
                        "customer": customer,
                        "agent": agent,
                        "ticket": f"{number} - {ticket_name}" if number or ticket_name else None,
                        "score": score,
                        "feedback": feedback,
                        "praise": praise,
                        "follow_up": xlsx_rows.follow_up_text(
                            next_action, problems.get(problem_status), raised
                        ),
                        "state": states.get(state),
                    }
                )

    @api.model
    def _local(self, moment):
        """A UTC datetime of the database in the exporting user's timezone,
        as Odoo's own exports write it."""
        if not moment:
            return None
        return fields.Datetime.context_timestamp(self, moment).replace(tzinfo=None)

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
        """The XLSX file of ``batch`` as bytes, as the report route makes it."""
        return self.with_context(active_model=batch._name).create_xlsx_report(batch.ids, {})[0]

    def generate_xlsx_report(self, workbook, data, objs):
        """Supervisors only, and only batches they may read (record rules of
        the batch; the callbacks' rules apply to the detail rows)."""
        batch = objs
        batch.env["customer.callback"]._check_callback_supervisor()
        batch.check_access("read")
        batch.ensure_one()
        formats = xlsx_rows.add_formats(workbook)
        detail = workbook.add_worksheet(self.env._("Detail")[:31])
        xlsx_rows.write_table(
            detail, 0, self._detail_headers(), self._detail_chunks(batch), formats, freeze=True
        )
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
        xlsx_rows.write_table(
            summary, 3, self._summary_headers(), self._summary_rows(batch), formats
        )
