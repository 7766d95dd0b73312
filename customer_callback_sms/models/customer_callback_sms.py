# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each message the suite sends by SMS through a Chinese provider: what was
asked (kind, template, parameters), what the provider said (its id, the
receipt, the carrier's reason). Odoo's ``sms.sms`` rows are deleted once
sent; these lines are the history (never deleted)."""

import json
import logging
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.customer_callback.models.customer_callback import CLOSED_STATES

from ..tools import sms_rules
from .customer_callback_sms_template import KINDS

_logger = logging.getLogger(__name__)

STATES = [
    ("queued", "Queued"),
    ("sent", "Sent"),
    ("delivered", "Delivered"),
    ("failed", "Failed"),
    ("refused", "Refused"),
    ("stopped", "Stopped"),
]
# what counts against the daily quota: what was or will be sent
COUNTED_STATES = ("queued", "sent", "delivered")


class CustomerCallbackSms(models.Model):
    _name = "customer.callback.sms"
    _description = "Callback SMS"
    _order = "id desc"
    _rec_name = "number"
    _check_company_auto = True

    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, readonly=True)
    number = fields.Char(readonly=True)
    number_key = fields.Char(index=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True)
    provider = fields.Char(readonly=True)
    sign_name = fields.Char(readonly=True)
    template_code = fields.Char(readonly=True)
    template_params = fields.Text(string="Template values", readonly=True)
    body = fields.Text(string="Text", readonly=True)
    callback_id = fields.Many2one(
        "customer.callback", index="btree_not_null", readonly=True, ondelete="set null"
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket", index="btree_not_null", readonly=True, ondelete="set null"
    )
    sms_uuid = fields.Char(index=True, readonly=True, copy=False)
    provider_ref = fields.Char(string="Provider id", index=True, readonly=True, copy=False)
    state = fields.Selection(STATES, required=True, default="queued", readonly=True, index=True)
    error_code = fields.Char(readonly=True)
    failure_reason = fields.Text(readonly=True)
    sent_date = fields.Datetime(readonly=True)
    receipt_date = fields.Datetime(readonly=True)

    _company_ref_idx = models.Index("(provider, provider_ref) WHERE provider_ref IS NOT NULL")

    # ------------------------------------------------------------------
    # Queue
    # ------------------------------------------------------------------

    @api.model
    def _callback_sms_queue(self, requests):
        """Queue messages: ``requests`` is a list of dicts with ``partner``,
        ``company``, ``kind``, ``values`` and optionally ``callback``,
        ``ticket``, ``number``. Each gets a line; what may not be sent is
        refused at once with the reason (no provider, no number, consent
        withdrawn, no approved template, quota), the rest gets an Odoo
        ``sms.sms`` that Odoo's queue sends through the provider."""
        Line = self.sudo()
        now = fields.Datetime.now()
        partners = self.env["res.partner"].browse(
            [request["partner"].id for request in requests if request.get("partner")]
        )
        consents = partners._callback_consents()
        keys = [
            sms_rules.number_key(request.get("number") or request["partner"]._callback_sms_number())
            for request in requests
            if request.get("number") or request.get("partner")
        ]
        recent, recent_by_number = Line._callback_sms_recent(partners, keys, now)
        kind_labels = dict(self._fields["kind"]._description_selection(self.env))
        vals_list, sms_vals = [], []
        for request in requests:
            company, partner, kind = request["company"], request.get("partner"), request["kind"]
            number = request.get("number") or (partner and partner._callback_sms_number())
            template = company._callback_sms_template(kind)
            values = dict(request.get("values") or {})
            vals = {
                "company_id": company.id,
                "partner_id": partner.id if partner else False,
                "number": number or False,
                "number_key": sms_rules.number_key(number),
                "kind": kind,
                "provider": company.callback_sms_provider or False,
                "sign_name": company.callback_sms_sign_name or False,
                "template_code": template.template_code or False,
                "callback_id": request.get("callback") and request["callback"].id,
                "ticket_id": request.get("ticket") and request["ticket"].id,
            }
            pairs = []
            refusal = False
            if not company.callback_sms_provider:
                refusal = self.env._("No SMS provider is set for %s.", company.name)
            elif not number:
                refusal = self.env._("The customer has no mobile number.")
            elif partner and not consents[partner.id].may_contact("sms"):
                refusal = self.env._("The customer withdrew his consent to be contacted by SMS.")
            elif not template.template_code:
                refusal = self.env._(
                    "No approved template for '%(kind)s' in %(company)s: set its template "
                    "code in Settings > Callbacks > SMS templates.",
                    kind=kind_labels[kind],
                    company=company.name,
                )
            else:
                try:
                    pairs = template._pairs()
                except sms_rules.ParamError as error:
                    refusal = template._param_error_text(error)
            if not refusal and partner:
                moments = recent.setdefault(partner.id, [])
                if sms_rules.over_quota(moments, now, company.callback_sms_daily_quota):
                    refusal = self.env._(
                        "Daily quota reached: %(customer)s already had %(count)s SMS within "
                        "24 hours (Settings > Callbacks > SMS per customer and day).",
                        customer=partner.display_name,
                        count=company.callback_sms_daily_quota,
                    )
            if not refusal:
                refusal = Line._callback_sms_over_provider_day(
                    company, vals["number_key"], recent_by_number, now
                )
            if not refusal:
                if partner:
                    recent.setdefault(partner.id, []).append(now)
                recent_by_number.setdefault(vals["number_key"], []).append(now)
            vals["template_params"] = json.dumps(
                sms_rules.template_values(pairs, values), ensure_ascii=False
            )
            vals["body"] = sms_rules.preview(kind_labels[kind], values, pairs)
            if refusal:
                vals.update(state="refused", failure_reason=refusal)
            else:
                sms_vals.append(
                    (
                        len(vals_list),
                        {
                            "number": number,
                            "partner_id": vals["partner_id"],
                            "body": vals["body"],
                        },
                    )
                )
            vals_list.append(vals)
        if sms_vals:
            sms_records = self.env["sms.sms"].sudo().create([v for _i, v in sms_vals])
            for (index, _vals), sms in zip(sms_vals, sms_records, strict=True):
                vals_list[index]["sms_uuid"] = sms.uuid
        lines = Line.create(vals_list)
        lines.filtered(lambda line: line.state == "refused")._callback_sms_log_refusal()
        return lines

    @api.model
    def _callback_sms_recent(self, partners, number_keys, now):
        """({partner id: [moments]}, {number key: [moments]}) of the
        messages of the last 24 hours counted in the quota and the provider's
        daily limit (one search)."""
        recent, by_number = {}, {}
        number_keys = [key for key in number_keys if key]
        if not partners and not number_keys:
            return recent, by_number
        for line in self.sudo().search_fetch(
            Domain("state", "in", COUNTED_STATES)
            & Domain("create_date", ">", now - sms_rules.DAY)
            & (Domain("partner_id", "in", partners.ids) | Domain("number_key", "in", number_keys)),
            ["partner_id", "number_key", "create_date"],
        ):
            if line.partner_id in partners:
                recent.setdefault(line.partner_id.id, []).append(line.create_date)
            if line.number_key in number_keys:
                by_number.setdefault(line.number_key, []).append(line.create_date)
        return recent, by_number

    @api.model
    def _callback_sms_over_provider_day(self, company, key, recent_by_number, now):
        """The refusal of one more message to the number ``key`` when the
        company's provider counts a daily limit per number in calendar days
        (Tencent Cloud: Beijing time) and the number reached it; else False.
        A calendar day began less than 24 hours ago: the messages of the
        last 24 hours hold it."""
        zone = company._callback_sms_provider_day_zone()
        limit = company._callback_sms_provider_daily_limit()
        if not (zone and limit and key):
            return False
        if not sms_rules.over_day_limit(recent_by_number.get(key, []), now, limit, zone):
            return False
        return self.env._(
            "%(provider)s accepts at most %(limit)s SMS to one number in a calendar day "
            "(%(zone)s time): %(number)s already had them on %(day)s.",
            provider=dict(
                company._fields["callback_sms_provider"]._description_selection(self.env)
            )[company.callback_sms_provider],
            limit=limit,
            zone=zone,
            number=key,
            day=sms_rules.provider_day(now, zone).isoformat(),
        )

    @api.model
    def _callback_sms_send_test(self, company, number, kind):
        """Send one message of ``kind`` now, to ``number`` (Settings' test)."""
        if not self.env.user.has_group("base.group_system"):
            raise UserError(self.env._("Only an administrator may send a test SMS."))
        if not number or len(sms_rules.number_key(number)) < 5:
            raise UserError(self.env._("Enter the mobile number to send the test SMS to."))
        line = self._callback_sms_queue(
            [
                {
                    "company": company,
                    "kind": kind or sms_rules.AFTER_ATTEMPTS,
                    "number": number,
                    "values": {
                        "name": self.env.user.name,
                        "company": company.name,
                        "link": company.get_base_url(),
                        "url": company.get_base_url(),
                        "ticket": "TEST",
                        "result": self.env._("test"),
                    },
                }
            ]
        )
        if line.state == "queued":
            line._callback_sms_sms().send(raise_exception=False)
        return line

    def _callback_sms_sms(self):
        """The Odoo SMS (still queued) of these lines."""
        uuids = [uuid for uuid in self.mapped("sms_uuid") if uuid]
        return self.env["sms.sms"].sudo().search([("uuid", "in", uuids)])

    # ------------------------------------------------------------------
    # Provider results (tools.sms_api.CallbackSmsApi)
    # ------------------------------------------------------------------

    def _callback_sms_refusal(self):
        """Why this queued line may not leave now (the customer's say has
        changed since it was queued), or False."""
        self.ensure_one()
        if self.state != "queued":
            return self.env._("This message is no longer to be sent (%s).", self.state)
        if self.partner_id:
            consent = self.partner_id._callback_consents()[self.partner_id.id]
            if not consent.may_contact("sms"):
                return self.env._("The customer withdrew his consent to be contacted by SMS.")
        return False

    def _callback_sms_set_refused(self, reason):
        self.write({"state": "refused", "failure_reason": reason})
        self._callback_sms_log_refusal()

    def _callback_sms_set_failed(self, code, message):
        self.write(
            {
                "state": "failed",
                "error_code": code,
                "failure_reason": message,
                "receipt_date": fields.Datetime.now(),
            }
        )
        self._callback_sms_after_failure()

    def _callback_sms_set_sent(self, provider, reference):
        self.write(
            {
                "state": "sent",
                "provider": provider,
                "provider_ref": reference,
                "sent_date": fields.Datetime.now(),
            }
        )

    def _callback_sms_log_refusal(self):
        for line in self:
            if line.callback_id:
                line.callback_id.sudo().message_post(
                    body=self.env._("SMS not sent: %s", line.failure_reason),
                    subtype_xmlid="mail.mt_note",
                )

    def _callback_sms_after_failure(self):
        """A message that did not reach the customer is shown on its
        callback; the callback does not count it as a message left."""
        for line in self.filtered("callback_id"):
            line.callback_id.sudo().message_post(
                body=self.env._(
                    "The SMS (%(kind)s) did not reach the customer: %(reason)s. It does not "
                    "count as a message left.",
                    kind=dict(self._fields["kind"]._description_selection(self.env))[line.kind],
                    reason=" ".join(
                        part for part in (line.error_code, line.failure_reason) if part
                    ),
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # Receipts and replies (the provider addons' push endpoints and crons)
    # ------------------------------------------------------------------

    @api.model
    def _callback_sms_receipts(self, provider, receipts):
        """Apply delivery receipts: each a dict with ``ref`` (the provider's
        id), ``number``, ``delivered`` (bool), ``code``, ``reason``,
        ``date`` (UTC datetime or None) and ``key`` (unique per receipt, for
        replays). Returns how many were applied (replays and unknown
        messages are ignored). One search each for the messages, the pushes
        seen before and Odoo's SMS trackers, whatever the number of receipts."""
        Line = self.sudo()
        Push = self.env["customer.callback.sms.push"]
        candidates = Line.search(
            [
                ("provider", "=", provider),
                ("provider_ref", "in", list({receipt["ref"] for receipt in receipts})),
                ("state", "in", ("sent", "delivered", "failed")),
            ]
        ).grouped("provider_ref")
        seen = Push._callback_seen_keys(
            provider, [f"receipt:{receipt['key']}" for receipt in receipts]
        )
        trackers = (
            self.env["sms.tracker"]
            .sudo()
            .search(
                [
                    (
                        "sms_uuid",
                        "in",
                        [
                            uuid
                            for lines in candidates.values()
                            for uuid in lines.mapped("sms_uuid")
                        ],
                    )
                ]
            )
            .grouped("sms_uuid")
        )
        delivered, failed = Line.browse(), Line.browse()
        for receipt in receipts:
            key = sms_rules.number_key(receipt.get("number"))
            line = candidates.get(receipt["ref"], Line.browse()).filtered(
                lambda c, key=key: not key or c.number_key == key
            )[:1]
            if not line:
                _logger.info("%s receipt for an unknown message %s", provider, receipt["ref"])
                continue
            push_key = f"receipt:{receipt['key']}"[:500]
            if push_key in seen:
                continue
            seen.add(push_key)
            if not Push._first_time(provider, push_key, line.company_id, checked=True):
                continue
            if line.state != "sent":
                continue
            tracker = trackers.get(line.sms_uuid, self.env["sms.tracker"])
            values = {
                "error_code": receipt.get("code") or False,
                "receipt_date": receipt.get("date") or fields.Datetime.now(),
            }
            if receipt["delivered"]:
                line.write(dict(values, state="delivered"))
                delivered |= line
                # Odoo's own tracking of the SMS (the notification of a
                # message posted by SMS) follows, as Odoo's delivery reports
                # update it: see _callback_sms_update_trackers
                self._callback_sms_update_trackers(tracker, delivered=True)
            else:
                reason = receipt.get("reason") or receipt.get("code")
                line.write(dict(values, state="failed", failure_reason=reason))
                failed |= line
                self._callback_sms_update_trackers(
                    tracker, delivered=False, reason=receipt.get("reason")
                )
        delivered._callback_sms_after_delivery()
        failed._callback_sms_after_failure()
        return len(delivered) + len(failed)

    @api.model
    def _callback_sms_update_trackers(self, trackers, delivered, reason=None):
        """Odoo's ``sms.tracker`` (and so the ``mail.notification`` of an SMS
        posted on a record) of a message the provider reported delivered or
        not delivered.

        Private calls into the ``sms`` module, on purpose: Odoo 19 has no
        public way to apply a provider's delivery report. ``sms.sms``'s
        public methods (``action_set_canceled``, ``action_set_error``,
        ``action_set_outgoing``) have no "delivered" and act on the
        ``sms.sms`` row, which Odoo deletes once the message is sent; its own
        delivery reports (``sms/controllers/main.py``, the IAP webhook, and
        ``sms_twilio/controllers/controllers.py``) call these two tracker
        methods. ``test_sms_trackers`` fails if the platform renames them."""
        if not trackers:
            return
        if delivered:
            trackers._action_update_from_sms_state("sent")
        else:
            trackers.with_context(
                sms_known_failure_reason=reason
            )._action_update_from_provider_error("not_delivered")

    def _callback_sms_after_delivery(self):
        """The message after the failed attempts reached the customer: it is
        the message left, as an attempt by SMS (the attempt policy may then
        close the callback as unreachable)."""
        lines = self.filtered(
            lambda line: line.kind == sms_rules.AFTER_ATTEMPTS
            and line.callback_id
            and line.callback_id.state not in CLOSED_STATES
        )
        if not lines:
            return
        self.env["customer.callback.attempt"].sudo().create(
            [
                {
                    "callback_id": line.callback_id.id,
                    "channel": "sms",
                    "result": "message_sent",
                    "user_id": line.callback_id.user_id.id,
                    "note": self.env._(
                        "SMS delivered (%(provider)s %(ref)s).",
                        provider=line.provider,
                        ref=line.provider_ref,
                    ),
                }
                for line in lines
            ]
        )

    @api.model
    def _callback_sms_replies(self, provider, company, replies):
        """Apply inbound messages of ``company``: each a dict with
        ``number``, ``text``, ``date`` and ``key`` (unique, for replays).
        A stop word withdraws SMS contact in the consent ledger; any other
        text is posted on the customer's open callback, else his open
        ticket, else his contact. Returns how many were applied."""
        Push = self.env["customer.callback.sms.push"]
        applied = 0
        for reply in replies:
            if not Push._first_time(provider, f"reply:{reply['key']}", company):
                continue
            applied += 1
            partner = self._callback_sms_partner_of(company, reply["number"])
            text = (reply.get("text") or "")[:1000]
            if not partner:
                _logger.info("%s reply from an unknown number ignored", provider)
                continue
            if sms_rules.is_stop_reply(text):
                self.env["customer.callback.consent"].sudo().create(
                    {
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "purpose": "contact",
                        "channel": "sms",
                        "decision": "withdrawn",
                        "source": "customer_sms",
                        "user_id": False,
                        "date": reply.get("date") or fields.Datetime.now(),
                        "text": text,
                    }
                )
                continue
            self._callback_sms_post_reply(company, partner, reply["number"], text)
        return applied

    @api.model
    def _callback_sms_partner_of(self, company, number):
        """The customer a reply comes from: the one last messaged at that
        number by the company, else a contact with that number."""
        key = sms_rules.number_key(number)
        if len(key) < 5:
            return self.env["res.partner"]
        line = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("number_key", "=", key),
                ("partner_id", "!=", False),
            ],
            limit=1,
        )
        if line:
            return line.partner_id
        return (
            self.env["res.partner"]
            .sudo()
            .search(
                Domain("phone_sanitized", "=like", f"%{key}")
                & (Domain("company_id", "=", False) | Domain("company_id", "=", company.id)),
                limit=1,
            )
        )

    @api.model
    def _callback_sms_post_reply(self, company, partner, number, text):
        body = Markup("%s<br/>%s") % (
            self.env._("SMS reply from %s:", number),
            text,
        )
        callback = (
            self.env["customer.callback"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("company_id", "=", company.id),
                    ("state", "not in", CLOSED_STATES),
                ],
                order="planned_date desc, id desc",
                limit=1,
            )
        )
        target = callback or self.env["helpdesk.ticket"].sudo().search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("stage_id.closed", "=", False),
            ],
            order="id desc",
            limit=1,
        )
        (target or partner.sudo()).message_post(body=body, subtype_xmlid="mail.mt_note")

    @api.model
    def _callback_sms_stop_pending(self, withdrawals):
        """Stop at once the messages not yet sent to the customers of these
        consent withdrawals (of their companies)."""
        for line in withdrawals:
            pending = self.sudo().search(
                [
                    ("partner_id", "=", line.partner_id.id),
                    ("company_id", "=", line.company_id.id),
                    ("state", "=", "queued"),
                ]
            )
            if not pending:
                continue
            sms = pending._callback_sms_sms().filtered(lambda s: s.state == "outgoing")
            sms.action_set_canceled()
            pending.write(
                {
                    "state": "stopped",
                    "failure_reason": self.env._(
                        "Stopped: the customer withdrew his consent to SMS."
                    ),
                }
            )

    # ------------------------------------------------------------------
    # Scheduled query of receipts
    # ------------------------------------------------------------------

    @api.model
    def _cron_query_receipts(self, batch_size=200):
        """Ask each company's provider for the receipts of the messages sent
        more than 10 minutes ago (within 3 days) with no receipt yet. One
        batch per company and run."""
        now = fields.Datetime.now()
        domain = [
            ("state", "=", "sent"),
            ("sent_date", "<", now - timedelta(minutes=10)),
            ("sent_date", ">", now - timedelta(days=3)),
        ]
        for company in self.sudo().search(domain).company_id:
            lines = self.sudo().search(
                domain + [("company_id", "=", company.id)], limit=batch_size, order="id"
            )
            if not company.callback_sms_provider:
                continue
            api_class = company._get_sms_api_class()
            if not hasattr(api_class, "_query_receipts"):
                continue  # not one of ours (Odoo's own service)
            sms_api = api_class(self.env)
            sms_api._set_company(company)
            try:
                receipts = sms_api._query_receipts(lines)
            except Exception as error:  # noqa: BLE001 - the next run asks again
                _logger.warning("SMS receipts of %s not queried: %s", company.name, error)
                continue
            self._callback_sms_receipts(company.callback_sms_provider, receipts)
