# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One call record for every phone system (issue #32).

Adapters (Tencent Cloud CCC, Aliyun, Asterisk, voip_oca) turn what their
system reports into provider-neutral *events* and hand them to
``_telephony_ingest``: the events of one call are merged into one record
(duplicates and out-of-order events included); a finished call made during
a callback that is in progress (or started from it) becomes that callback's
attempt, created through the core's attempt model, so the attempt policy
runs on it; a call that matches no callback stays listed as unmatched."""

import logging
from collections import defaultdict
from datetime import timedelta

import requests

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import call_events

_logger = logging.getLogger(__name__)

OUTCOMES = [
    (call_events.CONNECTED, "Connected"),
    (call_events.HUNG_UP, "Hung up after connecting"),
    (call_events.NO_ANSWER, "No answer"),
    (call_events.BUSY, "Busy"),
    (call_events.DECLINED, "Declined"),
    (call_events.SWITCHED_OFF, "Switched off / out of service area"),
    (call_events.INVALID_NUMBER, "No such number"),
    (call_events.SUSPENDED, "Number suspended"),
    (call_events.FAILED, "Line or system failure"),
]
STATES = [
    ("ongoing", "Ongoing"),
    ("attempt", "Attempt recorded"),
    ("unmatched", "No callback matched"),
    ("no_attempt", "No attempt"),
]
RECORDING_STATES = [
    ("none", "No recording"),
    ("pending", "To copy"),
    ("kept", "Kept"),
    ("refused", "Not kept"),
    ("expired", "Link expired"),
]
# A recording larger than this is not a call recording.
RECORDING_MAX_BYTES = 200 * 1024 * 1024
RECORDING_TIMEOUT = 30


class CustomerCallbackCall(models.Model):
    _name = "customer.callback.call"
    _description = "Phone Call"
    _order = "ring_date desc, id desc"
    _rec_name = "call_ref"
    _check_company_auto = True

    provider = fields.Selection(
        [("generic", "Other phone system")], required=True, default="generic", index=True
    )
    call_ref = fields.Char(
        string="Call ID", required=True, readonly=True, help="The phone system's id of the call."
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    direction = fields.Selection(
        [("outbound", "Outbound"), ("inbound", "Inbound")], default="outbound", required=True
    )
    callee_number = fields.Char(string="Called number")
    caller_number = fields.Char(string="Calling number")
    ring_date = fields.Datetime(string="Ringing", index=True)
    answer_date = fields.Datetime(string="Answered")
    hangup_date = fields.Datetime(string="Hung up")
    event_date = fields.Datetime(
        string="Last event", help="When the phone system produced the newest event merged here."
    )
    duration = fields.Integer(string="Duration (s)", help="Talk time, from answer to hang-up.")
    hangup_side = fields.Selection(
        [
            (call_events.CUSTOMER, "Customer"),
            (call_events.AGENT, "Agent"),
            (call_events.SYSTEM, "System"),
        ],
        string="Hung up by",
    )
    provider_cause = fields.Char(
        string="Provider's cause", help="The phone system's own end status or hang-up cause."
    )
    outcome = fields.Selection(OUTCOMES, readonly=True, index=True)
    state = fields.Selection(STATES, required=True, default="ongoing", readonly=True, index=True)
    note = fields.Char(readonly=True, help="Why the call made no attempt.")
    agent_ref = fields.Char(
        string="Agent on the phone system",
        help="The agent as the phone system names him (extension, e-mail or staff number).",
    )
    user_id = fields.Many2one("res.users", string="Agent", index=True)
    callback_id = fields.Many2one(
        "customer.callback", index="btree_not_null", ondelete="restrict", check_company=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index="btree_not_null")
    attempt_id = fields.Many2one(
        "customer.callback.attempt", readonly=True, ondelete="set null", index="btree_not_null"
    )
    recording_url = fields.Char(string="Recording link")
    recording_state = fields.Selection(
        RECORDING_STATES, required=True, default="none", readonly=True, index=True
    )
    recording_note = fields.Char(readonly=True)
    recording_expiry = fields.Datetime(
        readonly=True, help="When the phone system's recording link expires."
    )
    recording_attachment_id = fields.Many2one(
        "ir.attachment", string="Recording", readonly=True, ondelete="set null"
    )
    keypad_press = fields.Char(
        string="Keypad press", help="The key the customer pressed after the call."
    )
    satisfaction = fields.Integer(
        readonly=True, help="The keypad press on the 5-point scale (5 very satisfied)."
    )
    keypad_done = fields.Boolean(readonly=True, copy=False)
    followup_callback_id = fields.Many2one(
        "customer.callback", string="Supervisor callback", readonly=True, ondelete="set null"
    )

    _call_ref_unique = models.UniqueIndex("(company_id, provider, call_ref)")

    @api.constrains("keypad_press", "callee_number", "caller_number", "agent_ref", "call_ref")
    def _check_lengths(self):
        for call in self:
            for name in ("keypad_press", "callee_number", "caller_number", "agent_ref"):
                if len(call[name] or "") > 64:
                    raise ValidationError(
                        self.env._("%s is limited to 64 characters.", self._fields[name].string)
                    )
            if len(call.call_ref or "") > 128:
                raise ValidationError(self.env._("A call ID is limited to 128 characters."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        # the customer's data erased on request (res.partner.action_erase_callback_data)
        if self.env.context.get("callback_erase_personal_data") and self.env.is_admin():
            return
        if self:
            raise UserError(self.env._("Call records are history: they cannot be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_link_callback(self):
        """A supervisor linked an unmatched call to a callback: it becomes the
        callback's attempt like a matched one."""
        self.check_access("write")
        for call in self:
            if not call.callback_id:
                raise UserError(self.env._("Choose the callback the call belongs to first."))
            if call.state != "unmatched":
                raise UserError(self.env._("Only an unmatched call can be linked."))
        calls = self.sudo()
        # what an unknown customer could not have: his recording consent, his
        # keypad satisfaction on a callback
        calls.filtered(lambda c: c.recording_state == "refused").write(
            {"recording_state": "none", "recording_note": False}
        )
        calls.write({"state": "ongoing", "partner_id": False, "keypad_done": False})
        for call in calls:
            call.partner_id = call.callback_id.partner_id
        calls._telephony_finish()
        calls._telephony_after_merge()
        return True

    def action_open_recording(self):
        self.ensure_one()
        if not self.recording_attachment_id:
            raise UserError(self.env._("This call has no recording kept in Odoo."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.recording_attachment_id.id}?download=true",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Ingestion: events → call records → attempts
    # ------------------------------------------------------------------

    @api.model
    def _telephony_ingest(self, events):
        """Merge provider-neutral events into call records and finish the
        calls that ended. Each event: ``provider``, ``company_id``,
        ``call_ref`` and any call field. Returns the calls touched."""
        grouped = defaultdict(list)
        for event in events:
            if not event.get("call_ref"):
                continue
            key = (event["company_id"], event["provider"], str(event["call_ref"]))
            grouped[key].append(event)
        if not grouped:
            return self.browse()
        Call = self.sudo().with_context(tracking_disable=True)
        existing = {
            (call.company_id.id, call.provider, call.call_ref): call
            for call in Call.search(
                [
                    ("company_id", "in", list({k[0] for k in grouped})),
                    ("provider", "in", list({k[1] for k in grouped})),
                    ("call_ref", "in", list({k[2] for k in grouped})),
                ]
            )
        }
        to_create, touched = [], Call.browse()
        for key, key_events in grouped.items():
            call = existing.get(key)
            current = call._telephony_values() if call else {}
            changes = {}
            for event in sorted(
                key_events, key=lambda e: e.get("event_date") or fields.Datetime.now()
            ):
                step = call_events.merge({**current, **changes}, event)
                changes.update(step)
                for name in ("callback_id", "user_id"):
                    if event.get(name) and not current.get(name) and not changes.get(name):
                        changes[name] = event[name]
            if call:
                if changes:
                    call.write(changes)
                touched |= call
            else:
                to_create.append(
                    {
                        "company_id": key[0],
                        "provider": key[1],
                        "call_ref": key[2],
                        **changes,
                    }
                )
        if to_create:
            touched |= Call.create(to_create)
        touched._telephony_after_merge()
        return touched.with_env(self.env)

    def _telephony_values(self):
        self.ensure_one()
        names = call_events.EARLIEST + call_events.LATEST + call_events.SCALARS
        values = {name: self[name] for name in names + ("event_date",)}
        values["callback_id"] = self.callback_id.id
        values["user_id"] = self.user_id.id
        return values

    def _telephony_after_merge(self):
        """What follows a merge: the agent from the phone system's name for
        him, the callback, the attempt of a finished call, the recording and
        the keypad satisfaction."""
        self._telephony_match_users()
        ended = self.filtered(lambda c: c.hangup_date and c.state == "ongoing")
        ended._telephony_match_callbacks()
        ended._telephony_finish()
        self.filtered(
            lambda c: c.recording_url and c.recording_state == "none" and c.hangup_date
        )._telephony_decide_recording()
        self.filtered(
            lambda c: c.keypad_press and not c.keypad_done and c.state != "ongoing"
        )._telephony_apply_keypad()

    def _telephony_match_users(self):
        """The agent: the phone system's name for him matched against the
        users' logins and e-mails (softphones and contact centres name their
        agents so)."""
        calls = self.filtered(lambda c: c.agent_ref and not c.user_id)
        if not calls:
            return
        refs = {c.agent_ref.strip().lower() for c in calls}
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    "|",
                    "|",
                    ("login", "in", list(refs)),
                    ("email", "in", list(refs)),
                    ("callback_telephony_ref", "in", list(refs)),
                ]
            )
        )
        by_ref = {}
        for user in users:
            for ref in (user.callback_telephony_ref, user.login, user.email):
                if ref:
                    by_ref.setdefault(ref.strip().lower(), user)
        for call in calls:
            user = by_ref.get(call.agent_ref.strip().lower())
            if user:
                call.user_id = user

    def _telephony_customer_number(self):
        self.ensure_one()
        number = self.callee_number if self.direction == "outbound" else self.caller_number
        return call_events.normalize_number(number)

    def _telephony_match_callbacks(self):
        """The callback of each call without one: the only callback in
        progress of the company whose customer has the called number (the
        agent's own first, when several customers share it)."""
        Callback = self.env["customer.callback"].sudo()
        for company, calls in (
            self.filtered(lambda c: not c.callback_id).grouped("company_id").items()
        ):
            by_number = defaultdict(lambda: Callback.browse())
            for callback in Callback.search(
                [("company_id", "=", company.id), ("state", "=", "in_progress")]
            ):
                for number in (callback.partner_id.phone,):
                    digits = call_events.normalize_number(number)
                    if digits:
                        by_number[digits] |= callback
            for call in calls:
                candidates = by_number.get(call._telephony_customer_number()) or Callback.browse()
                if len(candidates) > 1 and call.user_id:
                    candidates = candidates.filtered(lambda c, u=call.user_id: c.user_id == u)
                if len(candidates) == 1:
                    call.callback_id = candidates
        for call in self.filtered(lambda c: c.callback_id and not c.partner_id):
            call.partner_id = call.callback_id.partner_id

    def _telephony_finish(self):
        """The outcome of each ended call, and its attempt on the callback."""
        Cause = self.env["customer.callback.call.cause"].sudo()
        for call in self:
            company = call.company_id
            outcome = call_events.derive_outcome(
                Cause._outcome_for(call.provider, call.provider_cause, company),
                bool(call.answer_date),
                call.hangup_side,
                call.duration,
                company.callback_telephony_short_call_seconds,
            )
            vals = {"outcome": outcome}
            if outcome == call_events.FAILED:
                vals.update(
                    state="no_attempt",
                    note=self.env._("The line or the phone system failed: no attempt counted."),
                )
            elif not call.callback_id:
                vals["state"] = "unmatched"
            elif call.callback_id.state != "in_progress":
                vals.update(
                    state="no_attempt",
                    note=self.env._(
                        "Callback %s was not in progress: no attempt counted.",
                        call.callback_id.name,
                    ),
                )
            call.write(vals)
            if call.state == "ongoing":
                call._telephony_make_attempt()

    def _telephony_make_attempt(self):
        """The attempt, created through the core's attempt model: the
        customer's consent is checked and the attempt policy runs."""
        self.ensure_one()
        callback = self.callback_id
        result = call_events.ATTEMPT_RESULT[self.outcome]
        moment = self.ring_date or self.answer_date or self.hangup_date
        try:
            with self.env.cr.savepoint():
                attempt = (
                    self.env["customer.callback.attempt"]
                    .sudo()
                    .create(
                        {
                            "callback_id": callback.id,
                            "result": result,
                            "attempt_date": min(moment, fields.Datetime.now()),
                            "channel": "phone",
                            "user_id": (self.user_id or callback.user_id).id,
                            "note": self.env._(
                                "Call %(ref)s on the phone system: %(outcome)s.",
                                ref=self.call_ref,
                                outcome=dict(
                                    self._fields["outcome"]._description_selection(self.env)
                                )[self.outcome],
                            ),
                        }
                    )
                )
        except (UserError, ValidationError) as error:
            self.write({"state": "no_attempt", "note": str(error)[:250]})
            return
        self.write({"state": "attempt", "attempt_id": attempt.id})
        if self.outcome in call_events.BAD_NUMBER:
            self._telephony_bad_number()
        elif self.outcome == call_events.BUSY:
            self._telephony_busy_retry()

    def _telephony_bad_number(self):
        """空号/停机: no more tries, and the customer's number is flagged."""
        callback, partner = self.callback_id, self.callback_id.partner_id
        label = dict(self._fields["outcome"]._description_selection(self.env))[self.outcome]
        partner.sudo().write({"callback_phone_invalid": True})
        partner.sudo().message_post(
            body=self.env._(
                "The phone system reports %(number)s: %(outcome)s. Check the customer's "
                "phone number.",
                number=self.callee_number or self.caller_number,
                outcome=label,
            ),
            subtype_xmlid="mail.mt_note",
        )
        if callback.state in ("planned", "in_progress"):
            callback.sudo().write(
                {
                    "state": "unreachable",
                    "score": False,
                    "done_date": fields.Datetime.now(),
                    "close_reason": "unreachable",
                }
            )
            callback.sudo().message_post(
                body=self.env._(
                    "%(outcome)s: no more tries. Correct the customer's phone number and "
                    "reopen the callback.",
                    outcome=label,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _telephony_busy_retry(self):
        """Busy: try again later in the same call window, not in another slot."""
        callback = self.callback_id
        if callback.state != "in_progress":
            return
        company = callback.company_id
        earliest = fields.Datetime.now() + timedelta(
            minutes=company.callback_telephony_busy_retry_minutes
        )
        next_try = callback._place_in_window(company, callback.partner_id, earliest)
        vals = {"planned_date": next_try}
        if callback.deadline and next_try.date() > callback.deadline:
            vals["deadline"] = next_try.date()
        callback.sudo().write(vals)

    # ------------------------------------------------------------------
    # Recordings
    # ------------------------------------------------------------------

    def _telephony_decide_recording(self):
        """A recording is copied into Odoo only when the customer consented
        to recording (the consent ledger); else it is not fetched, and why is
        written on the call."""
        partners = self.partner_id
        consents = partners._callback_consents() if partners else {}
        keep_days = {}
        for call in self:
            partner = call.partner_id
            if not partner:
                call.write(
                    {
                        "recording_state": "refused",
                        "recording_note": self.env._(
                            "No known customer, so no recording consent: not fetched."
                        ),
                    }
                )
            elif not consents[partner.id].may_record():
                call.write(
                    {
                        "recording_state": "refused",
                        "recording_note": self.env._(
                            "%s has not consented to recording: not fetched.",
                            partner.display_name,
                        ),
                    }
                )
            else:
                if call.provider not in keep_days:
                    keep_days[call.provider] = call._telephony_recording_keep_days()
                call.write(
                    {
                        "recording_state": "pending",
                        "recording_note": False,
                        "recording_expiry": (call.event_date or fields.Datetime.now())
                        + timedelta(days=keep_days[call.provider]),
                    }
                )

    def _telephony_recording_keep_days(self):
        """How long the provider keeps a recording link (adapters override)."""
        return 7

    def _telephony_fetch_recordings(self, batch_size=20):
        """Copy the pending recordings into attachments, the soonest to
        expire first. Returns how many are left."""
        domain = [("recording_state", "=", "pending")]
        calls = self.sudo().search(domain, limit=batch_size, order="recording_expiry, id")
        calls = calls.try_lock_for_update()
        now = fields.Datetime.now()
        for call in calls:
            if call.recording_expiry and call.recording_expiry < now:
                call.write(
                    {
                        "recording_state": "expired",
                        "recording_note": self.env._(
                            "The phone system's link expired before it could be copied."
                        ),
                    }
                )
                continue
            try:
                content = call._telephony_download(call.recording_url)
            except (requests.RequestException, ValueError) as error:
                _logger.info("recording of call %s not fetched: %s", call.call_ref, error)
                call.recording_note = self.env._("Not fetched yet: %s", str(error)[:200])
                continue
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": f"{call.call_ref}.mp3",
                        "raw": content,
                        "res_model": call._name,
                        "res_id": call.id,
                        "company_id": call.company_id.id,
                    }
                )
            )
            call.write(
                {
                    "recording_state": "kept",
                    "recording_note": False,
                    "recording_attachment_id": attachment.id,
                }
            )
        return self.sudo().search_count(domain) if len(calls) == batch_size else 0

    def _telephony_download(self, url):
        if not url or not url.startswith(("http://", "https://")):
            raise ValueError(self.env._("not an HTTP link"))
        with requests.get(url, timeout=RECORDING_TIMEOUT, stream=True) as response:
            response.raise_for_status()
            chunks, size = [], 0
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > RECORDING_MAX_BYTES:
                    raise ValueError(self.env._("the recording is too large"))
                chunks.append(chunk)
        return b"".join(chunks)

    # ------------------------------------------------------------------
    # Keypad satisfaction
    # ------------------------------------------------------------------

    def _telephony_apply_keypad(self):
        """The post-call keypad press becomes the callback's satisfaction
        (unless the agent scored it), and a low one brings the supervisor
        follow-up a low survey brings."""
        followups = []
        for call in self:
            company = call.company_id
            score = call_events.keypad_score(
                call.keypad_press, company.callback_telephony_keypad_scale
            )
            vals = {"keypad_done": True, "satisfaction": score or 0}
            call.write(vals)
            callback = call.callback_id
            if not score or not callback:
                continue
            if not callback.score:
                callback.sudo().write({"score": score})
            if call_events.needs_followup(score, company.callback_telephony_followup_score):
                followups.append(call)
        if followups:
            self.browse([c.id for c in followups])._telephony_plan_followups()

    def _telephony_plan_followups(self):
        """One supervisor callback per low keypad score, planned through the
        core's ``_plan_callbacks`` like the survey's low-score follow-ups
        (kept single by the callbacks' unique customer/rule/period key)."""
        Callback = self.env["customer.callback"].sudo()
        vals_list = []
        for call in self:
            callback = call.callback_id
            if callback.partner_id.callback_do_not_call:
                continue
            company = call.company_id
            vals_list.append(
                {
                    "partner_id": callback.partner_id.id,
                    "company_id": company.id,
                    "rule_id": company._callback_telephony_followup_rule().id,
                    "segment": "feedback_history",
                    "period_key": f"TK{call.id}",
                    "user_id": Callback._callback_responsible(company, callback.team_id).id,
                    "team_id": callback.team_id.id,
                    "channel": "phone",
                    "ticket_id": callback.ticket_id.id,
                    "source_callback_id": callback.id,
                    "important": True,
                    "next_action": self.env._(
                        "Find the cause of the low satisfaction and plan a fix."
                    ),
                }
            )
        if not vals_list:
            return
        for followup in Callback._plan_callbacks(vals_list):
            call = self.browse(int(followup.period_key[2:]))
            call.followup_callback_id = followup

    # ------------------------------------------------------------------
    # Provider hooks (the adapters extend these)
    # ------------------------------------------------------------------

    @api.model
    def _telephony_parse(self, provider, kind, payload):
        """Provider-neutral events from one push. Adapters implement
        ``_telephony_parse_<provider>(kind, payload)``."""
        method = getattr(self, f"_telephony_parse_{provider}", None)
        if method is None:
            raise ValueError(f"no parser for provider {provider}")
        return method(kind, payload)

    @api.model
    def _telephony_parse_generic(self, kind, payload):
        """The neutral format: the call's fields, times as ``YYYY-MM-DD
        HH:MM:SS`` UTC (one event or a list)."""
        events = payload if isinstance(payload, list) else [payload]
        allowed = set(call_events.EARLIEST + call_events.LATEST + call_events.SCALARS)
        allowed |= {"call_ref", "event_date"}
        parsed = []
        for event in events:
            values = {k: v for k, v in event.items() if k in allowed}
            for name in call_events.EARLIEST + call_events.LATEST + ("event_date",):
                if values.get(name):
                    values[name] = fields.Datetime.to_datetime(values[name])
            parsed.append(values)
        return parsed
