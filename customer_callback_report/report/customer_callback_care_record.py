# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""客户关怀记录表 — the customer care record sheet (SOP 003 §3 template) of a
selection of callbacks, printed (QWeb, A4 landscape) or as XLSX
(``care_record_xlsx``): the template's columns in its order. Made for the
user who asks from the callbacks they may read; times in their timezone."""

from odoo import api, fields, models

from ..tools import xlsx_rows


class ReportCustomerCallbackCareRecord(models.AbstractModel):
    _name = "report.customer_callback_report.care_record"
    _description = "Customer Care Record Sheet"

    @api.model
    def _headers(self):
        return [
            self.env._("Customer no."),
            self.env._("Customer / organisation"),
            self.env._("Contact details"),
            self.env._("Industry / products"),
            self.env._("Care date"),
            self.env._("Reason for care"),
            self.env._("Care channel"),
            self.env._("Summary of the conversation"),
            self.env._("Customer feedback / needs"),
            self.env._("Problem handling status"),
            self.env._("Responsible"),
            self.env._("Expected completion"),
            self.env._("Actual completion"),
            self.env._("Remarks"),
        ]

    @api.model
    def _products_of(self, callback):
        """Hook: the products the callback is about, for the *Industry /
        products* column (text, empty when unknown). The core knows no
        purchase; customer_callback_sale_report gives the sales order's products."""
        return ""

    @api.model
    def _records(self, callbacks):
        """One dict per callback with the sheet's keys (``CARE_RECORD_KEYS``),
        in the reader's language and timezone."""
        callbacks.check_access("read")
        channels = dict(callbacks._fields["channel"]._description_selection(self.env))
        statuses = dict(callbacks._fields["problem_status"]._description_selection(self.env))
        segments = dict(callbacks._fields["segment"]._description_selection(self.env))

        def local(moment):
            return fields.Datetime.context_timestamp(self, moment).replace(tzinfo=None)

        records = []
        for callback in callbacks:
            partner = callback.partner_id
            commercial = partner.commercial_partner_id
            moment = callback.done_date or callback.planned_date
            records.append(
                {
                    "number": partner.ref or callback.name,
                    "customer": xlsx_rows.joined(
                        partner.name,
                        commercial.name if commercial != partner else None,
                    ),
                    "contact": xlsx_rows.joined(partner.phone, partner.email),
                    "industry": xlsx_rows.joined(
                        commercial.industry_id.name, self._products_of(callback)
                    ),
                    "date": local(moment).date() if moment else None,
                    "reason": callback.rule_id.name or segments.get(callback.segment),
                    "channel": channels.get(callback.channel),
                    "summary": callback.summary,
                    "feedback": xlsx_rows.joined(callback.feedback, callback.needs, separator="\n"),
                    "problem_status": statuses.get(callback.problem_status),
                    "responsible": callback.user_id.name,
                    "deadline": callback.deadline,
                    "done_date": local(callback.done_date) if callback.done_date else None,
                    "remarks": callback.remarks,
                }
            )
        return records

    @api.model
    def _get_report_values(self, docids, data=None):
        callbacks = self.env["customer.callback"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "customer.callback",
            "docs": callbacks,
            "headers": self._headers(),
            "rows": [
                [xlsx_rows.display(value) for value in xlsx_rows.care_record_row(record)]
                for record in self._records(callbacks)
            ],
            "company": callbacks.company_id[:1] or self.env.company,
        }
