# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite's prints carry a header line on every page: the company, the
print date in the reader's timezone and "page X of Y" (#29).

wkhtmltopdf draws the ``div.header`` of Odoo's layouts only when built with
a patched Qt; the Debian build (0.12.6, unpatched) leaves the band above the
text blank, without company, date or page numbers. So the line is printed
by wkhtmltopdf as a page of its own for each page of the report (the same
paper format, in installed fonts: text that can be selected and searched)
and laid over the report's pages. It needs no document layout of the
company either (``web.external_layout`` asks an administrator to choose one
at the first print)."""

import io

from markupsafe import Markup
from PyPDF2 import PdfReader, PdfWriter

from odoo import api, fields, models

# the line sits in the top margin of the suite's paper formats (18 mm)
HEADER_TOP_MM = 7


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        content, kind = super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        report = self._get_report(report_ref)
        if kind == "pdf" and report._callback_is_suite_print():
            content = self._callback_add_header(report, content, res_ids)
        return content, kind

    def _callback_is_suite_print(self):
        self.ensure_one()
        # the prints of the suite's addons (customer_callback*.<template>)
        module = (self.report_name or "").partition(".")[0]
        return self.report_type == "qweb-pdf" and module.startswith("customer_callback")

    @api.model
    def _callback_header_values(self, report, res_ids):
        """Company, print date (reader's time) and page label of a print."""
        company = self.env.company
        records = self.env[report.model].browse(res_ids or [])
        if "company_id" in records._fields:
            companies = records.sudo().company_id
            if len(companies) == 1:
                company = companies
        printed = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        return {
            "company": company.name,
            "printed": self.env._("Printed on %s", printed.strftime("%Y-%m-%d %H:%M")),
        }

    @api.model
    def _callback_add_header(self, report, content, res_ids):
        reader = PdfReader(io.BytesIO(content))
        total = len(reader.pages)
        if not total:
            return content
        values = self._callback_header_values(report, res_ids)
        lines = [
            self.env._("Page %(page)s of %(total)s", page=page, total=total)
            for page in range(1, total + 1)
        ]
        html = self.env["ir.qweb"]._render(
            "customer_callback_report.report_header_pages", dict(values, pages=lines)
        )
        stamps = PdfReader(
            io.BytesIO(
                self._run_wkhtmltopdf(
                    [Markup(html)],
                    report_ref=report.report_name,
                    specific_paperformat_args={
                        "data-report-margin-top": HEADER_TOP_MM,
                        "data-report-margin-bottom": 0,
                        "data-report-header-spacing": 0,
                    },
                )
            )
        )
        writer = PdfWriter()
        for page, stamp in zip(reader.pages, stamps.pages, strict=False):
            page.merge_page(stamp)
            writer.add_page(page)
        output = io.BytesIO()
        writer.write(output)
        return output.getvalue()
