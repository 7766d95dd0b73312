# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import voip_calls
from .customer_callback_call import PROVIDER

_logger = logging.getLogger(__name__)

# the voip.call fields a call event is made of
FED_FIELDS = frozenset({"state", "start_date", "end_date", "phone_number", "type_call", "user_id"})


class VoipCall(models.Model):
    """Each softphone call feeds its provider-neutral call record: on
    creation and on every change of its state or times, whatever path made
    them (the softphone's own RPCs, another module, an import)."""

    _inherit = "voip.call"

    @api.model_create_multi
    def create(self, vals_list):
        calls = super().create(vals_list)
        calls._callback_telephony_feed()
        return calls

    def write(self, vals):
        result = super().write(vals)
        if FED_FIELDS.intersection(vals):
            self._callback_telephony_feed()
        return result

    def _callback_telephony_feed(self, company=None):
        """Fold each call, as it is now, into its call record (created in
        ``company``, by default the agent's current company, when that
        company calls through the softphone). Returns the call records.

        The softphone must go on whatever happens here: a call that cannot
        be recorded is logged, never an error for the agent's phone."""
        Call = self.env["customer.callback.call"].sudo()
        records = {
            record.voip_call_id.id: record
            for record in Call.search([("voip_call_id", "in", self.ids)])
        }
        now = fields.Datetime.now()
        by_company = {}
        for call in self.sudo():
            record = records.get(call.id)
            call_company = record.company_id if record else (company or self.env.company)
            if call_company.callback_telephony_provider != PROVIDER:
                continue
            event = voip_calls.call_event(
                call.state,
                call.type_call,
                call.phone_number,
                call.create_date,
                call.start_date,
                call.end_date,
                now,
            )
            event.update(
                provider=PROVIDER,
                company_id=call_company.id,
                call_ref=str(call.id),
                user_id=call.user_id.id,
            )
            by_company.setdefault(call_company, []).append(event)
        touched = Call.browse()
        for call_company, events in by_company.items():
            # notes on the calls in the company's language, as the push queue writes them
            lang = call_company.partner_id.lang or self.env.lang
            try:
                with self.env.cr.savepoint():
                    touched |= Call.with_context(lang=lang)._telephony_ingest(events)
            except (UserError, ValidationError) as error:
                _logger.warning("softphone calls %s not recorded: %s", self.ids, error)
        for record in touched.filtered(lambda r: not r.voip_call_id):
            record.voip_call_id = int(record.call_ref)
        return touched
