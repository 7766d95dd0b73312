# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models


class SmsSms(models.Model):
    _inherit = "sms.sms"

    def _split_by_api(self):
        """Odoo's hook: the SMS of a company that sends through a Chinese
        provider go through it (``res.company._get_sms_api_class``), every
        one of them; the others as before."""
        lines = (
            self.env["customer.callback.sms"]
            .sudo()
            .search([("sms_uuid", "in", [uuid for uuid in self.mapped("uuid") if uuid])])
            .grouped("sms_uuid")
        )
        by_company = defaultdict(self.browse)
        others = self.browse()
        for sms in self:
            line = lines.get(sms.uuid)
            company = line.company_id if line else sms._get_sms_company()
            if len(company) == 1 and company.callback_sms_provider:
                by_company[company] |= sms
            else:
                others |= sms
        for company, company_sms in by_company.items():
            sms_api = company._get_sms_api_class()(self.env)
            sms_api._set_company(company)
            yield sms_api, company_sms
        if others:
            yield from super(SmsSms, others)._split_by_api()

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        # Odoo's queue sends a batch of any companies: each through its API
        if self.env.context.get("sms_api"):
            return super()._send(
                unlink_failed=unlink_failed,
                unlink_sent=unlink_sent,
                raise_exception=raise_exception,
            )
        for sms_api, sms in self._split_by_api():
            super(SmsSms, sms.with_context(sms_api=sms_api))._send(
                unlink_failed=unlink_failed,
                unlink_sent=unlink_sent,
                raise_exception=raise_exception,
            )
        return None
