# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the phone systems pushed, as received (issue #32).

The public endpoints of the adapters check the provider's signature or
secret, store the push here and answer at once; the scheduled action
``_cron_process_events`` turns them into call records later. This queue is
the suite's own, not OCA ``queue_job``: queue_job's 19.0 port is not
installable yet, and a pending row per push with ``try_lock_for_update``
batches (as Odoo's ``sms.sms`` queue) needs nothing more. The digest of the
body makes a replayed push a no-op."""

import hashlib
import json
import logging

from psycopg2 import errors as pg_errors

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

# A push larger than this is no call event.
MAX_PAYLOAD = 256 * 1024


class CustomerCallbackCallEvent(models.Model):
    _name = "customer.callback.call.event"
    _description = "Phone System Push"
    _order = "id"

    provider = fields.Selection(
        selection=lambda self: self.env["customer.callback.call"]._fields["provider"].selection,
        required=True,
        readonly=True,
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    kind = fields.Char(readonly=True, help="What the push reports (call record, recording…).")
    payload = fields.Text(readonly=True)
    digest = fields.Char(readonly=True, required=True)
    state = fields.Selection(
        [("pending", "Pending"), ("done", "Done"), ("failed", "Failed")],
        required=True,
        default="pending",
        readonly=True,
        index=True,
    )
    error = fields.Text(readonly=True)
    call_ids = fields.Many2many("customer.callback.call", string="Calls", readonly=True)

    _digest_unique = models.UniqueIndex("(company_id, provider, digest)")

    @api.model
    def _telephony_receive(self, provider, company, kind, body):
        """Store one push (``body``: the raw bytes). Returns ``"queued"``, or
        ``"duplicate"`` for a push already received (a replay or the
        provider's retry). Called by the adapters' endpoints after they
        checked the provider's signature or secret."""
        if len(body) > MAX_PAYLOAD:
            raise ValueError("payload too large")
        text = body.decode("utf-8")
        json.loads(text)  # malformed JSON is refused before it is stored
        digest = hashlib.sha256(f"{kind}\n{text}".encode()).hexdigest()
        Event = self.sudo()
        if Event.search_count(
            [("company_id", "=", company.id), ("provider", "=", provider), ("digest", "=", digest)],
            limit=1,
        ):
            return "duplicate"
        # the scheduled action is woken by the first push of a burst: once
        # running, it goes on while pushes remain (_commit_progress), and its
        # interval catches a push that arrived as it finished
        wake = not Event.search_count([("state", "=", "pending")], limit=1)
        try:
            with self.env.cr.savepoint():
                Event.create(
                    {
                        "provider": provider,
                        "company_id": company.id,
                        "kind": kind,
                        "payload": text,
                        "digest": digest,
                    }
                )
        except pg_errors.UniqueViolation:
            # the same push, received at the same time by another worker
            return "duplicate"
        if wake:
            self.env.ref(
                "customer_callback_telephony.ir_cron_process_call_events"
            ).sudo()._trigger()
        return "queued"

    @api.model
    def _cron_process_events(self, batch_size=200):
        """One batch per call; the scheduler calls again while some remain."""
        remaining = self._process_batch(batch_size)
        self.env["ir.cron"]._commit_progress(batch_size, remaining=remaining)
        fetch_left = self.env["customer.callback.call"]._telephony_fetch_recordings()
        if fetch_left:
            self.env.ref("customer_callback_telephony.ir_cron_process_call_events")._trigger()

    def _process_batch(self, batch_size=200):
        """Turn a batch of pending pushes into call records. Returns how
        many are left."""
        domain = [("state", "=", "pending")]
        events = self.sudo().search(domain, limit=batch_size, order="id").try_lock_for_update()
        Call = self.env["customer.callback.call"].sudo()
        for event in events:
            try:
                with self.env.cr.savepoint():
                    parsed = Call._telephony_parse(
                        event.provider, event.kind, json.loads(event.payload)
                    )
                    for values in parsed:
                        values.setdefault("provider", event.provider)
                        values["company_id"] = event.company_id.id
                    # notes on the calls in the company's language
                    lang = event.company_id.partner_id.lang or self.env.lang
                    calls = Call.with_context(lang=lang)._telephony_ingest(parsed)
                    event.write({"state": "done", "call_ids": [(6, 0, calls.ids)]})
            except Exception as error:  # noqa: BLE001 - kept on the push, the batch goes on
                _logger.warning("phone push %s not processed: %s", event.id, error)
                event.write({"state": "failed", "error": str(error)[:2000]})
        return self.sudo().search_count(domain) if len(events) == batch_size else 0

    def action_retry(self):
        self.check_access("write")
        self.filtered(lambda e: e.state == "failed").write({"state": "pending", "error": False})
        self.env.ref("customer_callback_telephony.ir_cron_process_call_events")._trigger()
        return True
