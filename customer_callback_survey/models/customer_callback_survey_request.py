# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction survey requests: one per trigger (a closed ticket, a done
callback), queued set-based: the triggers not queued yet are read in one
query, the requests created through ``create()`` in batches; unique indexes
keep a trigger queued once however many times (and however concurrently)
it is seen. The scheduled action sends the due ones
in batches; a failing send stays pending and is retried."""

import logging
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.customer_callback.models.customer_callback import average_ignoring_zero
from odoo.addons.customer_callback.tools import bulk

from ..tools import survey_score

_logger = logging.getLogger(__name__)

STATES = [
    ("pending", "Pending"),
    ("sent", "Sent"),
    ("answered", "Answered"),
    ("no_contact", "No contact: call instead"),
    ("skipped_cap", "Skipped: surveyed recently"),
    ("skipped_consent", "Skipped: consent withdrawn"),
    ("failed", "Failed"),
]
SURVEY_STATUSES = [
    ("pending", "Pending"),
    ("sent", "Sent"),
    ("opened", "Opened"),
    ("answered", "Answered"),
    ("no_contact", "No contact: call instead"),
    ("skipped_cap", "Skipped: surveyed recently"),
    ("skipped_consent", "Skipped: consent withdrawn"),
    ("failed", "Failed"),
]
TRIGGERS = [
    ("complaint", "Closed complaint"),
    ("ticket", "Closed ticket"),
    ("callback", "Callback done"),
]
CHANNELS = [("email", "Email"), ("sms", "SMS")]
# A send that raised is tried again at the next run of the scheduled action
# (hourly), not in the same run: a technical back-off, not a policy number.
RETRY_DELAY = timedelta(minutes=55)
# The columns the queueing queries select, in order: the new requests' values.
QUEUE_COLUMNS = (
    "company_id",
    "partner_id",
    "ticket_id",
    "callback_id",
    "trigger",
    "due_date",
    "user_id",
    "team_id",
)


class CustomerCallbackSurveyRequest(models.Model):
    _name = "customer.callback.survey.request"
    _description = "Satisfaction Survey Request"
    _inherit = ["mail.thread"]
    _order = "due_date desc, id desc"
    _check_company_auto = True
    # Agents only read requests (the queue writes them); they may still note on them.
    _mail_post_access = "read"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        readonly=True,
        ondelete="restrict",
    )
    partner_email = fields.Char(related="partner_id.email", string="Email")
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    trigger = fields.Selection(TRIGGERS, required=True, readonly=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Ticket",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    callback_id = fields.Many2one(
        "customer.callback",
        string="Callback",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    merged_from_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Merged from",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The ticket this request was queued for, since merged into the request's ticket.",
    )
    # The survey is the company's at sending time. Not stored here: a second
    # foreign key to the survey next to the answer's would make deleting a
    # survey (and uninstalling this addon) fail once answers exist.
    survey_id = fields.Many2one(related="user_input_id.survey_id", string="Survey")
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        index=True,
        readonly=True,
        help="Who handled the ticket or made the callback.",
    )
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", index=True, readonly=True)
    due_date = fields.Datetime(string="Due", required=True, index=True, readonly=True)
    next_attempt_date = fields.Datetime(string="Next try", readonly=True, copy=False)
    state = fields.Selection(
        STATES, required=True, default="pending", index=True, readonly=True, tracking=True
    )
    survey_status = fields.Selection(
        SURVEY_STATUSES,
        string="Survey status",
        compute="_compute_survey_status",
        store=True,
        index=True,
        help="The request's state, with 'Opened' when the customer has started the survey.",
    )
    channel = fields.Selection(CHANNELS, readonly=True)
    user_input_id = fields.Many2one(
        "survey.user_input",
        string="Survey answer",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        copy=False,
    )
    sent_date = fields.Datetime(string="Sent", readonly=True, index=True, copy=False)
    reminder_date = fields.Datetime(string="Reminded", readonly=True, copy=False)
    reminder_skipped_date = fields.Datetime(
        string="Reminder skipped",
        readonly=True,
        copy=False,
        help="The customer withdrew consent to this survey's channel after it was sent: "
        "no reminder is sent.",
    )
    answered_date = fields.Datetime(string="Answered", readonly=True, copy=False)
    score = fields.Integer(
        readonly=True,
        copy=False,
        aggregator="avg",
        string="Satisfaction",
        help="Overall score of the answer on the 5-point scale.",
    )
    attempt_count = fields.Integer(string="Send attempts", readonly=True, copy=False)
    error_message = fields.Text(readonly=True, copy=False)
    call_callback_id = fields.Many2one(
        "customer.callback",
        string="Call instead",
        readonly=True,
        copy=False,
        help="The phone callback made because the survey could not be sent.",
    )
    followup_callback_id = fields.Many2one(
        "customer.callback",
        string="Supervisor callback",
        readonly=True,
        copy=False,
        help="The supervisor callback made after a low score.",
    )

    _trigger_set = models.Constraint(
        "CHECK (ticket_id IS NOT NULL OR callback_id IS NOT NULL)",
        "A survey request follows a ticket or a callback.",
    )
    _ticket_unique = models.UniqueIndex(
        "(ticket_id) WHERE callback_id IS NULL AND merged_from_ticket_id IS NULL",
        "A closed ticket sends one satisfaction survey.",
    )
    _callback_unique = models.UniqueIndex(
        "(callback_id) WHERE callback_id IS NOT NULL",
        "A done callback sends one satisfaction survey.",
    )
    _due_idx = models.Index("(due_date, id) WHERE state = 'pending'")
    _cap_idx = models.Index("(partner_id, sent_date) WHERE sent_date IS NOT NULL")

    def _read_group_select(self, aggregate_spec, query):
        select = average_ignoring_zero(self, aggregate_spec, query, ("score",))
        if select is not None:
            return select
        return super()._read_group_select(aggregate_spec, query)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("partner_id", "ticket_id", "callback_id")
    def _compute_display_name(self):
        for request in self:
            source = (
                request.callback_id.name if request.callback_id else request.ticket_id.display_name
            )
            request.display_name = f"{request.partner_id.display_name or ''} – {source or ''}"

    @api.depends("state", "user_input_id.state")
    def _compute_survey_status(self):
        for request in self:
            if request.state == "sent" and request.user_input_id.state == "in_progress":
                request.survey_status = "opened"
            else:
                request.survey_status = request.state

    # ------------------------------------------------------------------
    # Queueing (set-based, idempotent)
    # ------------------------------------------------------------------

    def _create_rows(self, select_sql):
        """Create a request per row of ``select_sql`` (QUEUE_COLUMNS, in
        order), through ``create()`` in batches. Returns the new requests.

        The rows are read in SQL: the triggers of a whole company are joined
        with their stages and customers and the already queued ones left out
        in one query, which a search per model could not do. The unique
        indexes on ticket and callback stay the guard against a concurrent
        run (``tools.bulk`` skips what it created meanwhile)."""
        self.env.flush_all()
        self.env.cr.execute(select_sql)
        vals_list = [
            dict(zip(QUEUE_COLUMNS, row, strict=True), state="pending")
            for row in self.env.cr.fetchall()
        ]
        if not vals_list:
            return self.browse()
        return bulk.create_in_batches(self, vals_list)

    def _queue_companies(self, companies=None):
        return companies or self.env["res.company"].sudo().search([("active", "=", True)])

    @api.model
    def _queue_for_tickets(self, ticket_ids=None, since=None, companies=None):
        """Queue a survey for closed tickets: complaints and/or all tickets,
        as each company chooses. ``ticket_ids`` limits to some tickets (a
        ticket was just closed), ``since`` to tickets closed since then
        (the scheduled action catching up)."""
        created = self.browse()
        for company in self._queue_companies(companies):
            if not (company.callback_survey_on_complaint or company.callback_survey_on_ticket):
                continue
            condition = SQL("TRUE") if company.callback_survey_on_ticket else SQL("t.is_complaint")
            filters = SQL("TRUE")
            if ticket_ids is not None:
                filters = SQL("t.id = ANY(%s)", list(ticket_ids))
            if since:
                filters = SQL("%s AND t.closed_date >= %s", filters, since)
            created |= self._create_rows(
                SQL(
                    """SELECT t.company_id, t.partner_id, t.id, NULL::int,
                              CASE WHEN t.is_complaint THEN 'complaint' ELSE 'ticket' END,
                              t.closed_date + %(delay)s * interval '1 hour',
                              t.user_id, t.team_id
                         FROM helpdesk_ticket t
                         JOIN helpdesk_ticket_stage st ON st.id = t.stage_id AND st.closed
                         JOIN res_partner p ON p.id = t.partner_id
                        WHERE t.company_id = %(company)s AND t.closed_date IS NOT NULL
                          AND p.callback_do_not_call IS NOT TRUE
                          AND %(condition)s AND %(filters)s
                          AND NOT EXISTS (SELECT 1 FROM customer_callback_survey_request r
                                           WHERE r.ticket_id = t.id AND r.callback_id IS NULL
                                             AND r.merged_from_ticket_id IS NULL)
                        ORDER BY t.id""",
                    delay=company.callback_survey_delay_hours,
                    company=company.id,
                    condition=condition,
                    filters=filters,
                )
            )
        return created

    @api.model
    def _queue_for_callbacks(self, callback_ids=None, since=None, companies=None):
        """Queue a survey for callbacks done with the customer (not hung up)
        whose rule is among the company's survey rules."""
        created = self.browse()
        for company in self._queue_companies(companies):
            rules = company.callback_survey_rule_ids
            if not rules:
                continue
            filters = SQL("TRUE")
            if callback_ids is not None:
                filters = SQL("cb.id = ANY(%s)", list(callback_ids))
            if since:
                filters = SQL("%s AND cb.done_date >= %s", filters, since)
            created |= self._create_rows(
                SQL(
                    """SELECT cb.company_id, cb.partner_id, cb.ticket_id, cb.id, 'callback',
                              cb.done_date + %(delay)s * interval '1 hour',
                              cb.user_id, cb.team_id
                         FROM customer_callback cb
                         JOIN res_partner p ON p.id = cb.partner_id
                        WHERE cb.company_id = %(company)s AND cb.state = 'done'
                          AND cb.close_reason = 'completed' AND cb.done_date IS NOT NULL
                          AND cb.rule_id = ANY(%(rules)s)
                          AND p.callback_do_not_call IS NOT TRUE
                          AND %(filters)s
                          AND NOT EXISTS (SELECT 1 FROM customer_callback_survey_request r
                                           WHERE r.callback_id = cb.id)
                        ORDER BY cb.id""",
                    delay=company.callback_survey_delay_hours,
                    company=company.id,
                    rules=rules.ids,
                    filters=filters,
                )
            )
        return created

    @api.model
    def _queue_missed(self, now=None):
        """Catch the triggers the immediate hooks missed (data imported, a
        stage closed by SQL, settings changed): those still within the
        sending period of their company."""
        now = now or fields.Datetime.now()
        created = self.browse()
        for company in self._queue_companies():
            since = now - timedelta(
                hours=company.callback_survey_delay_hours, days=company.callback_survey_expiry_days
            )
            created |= self._queue_for_tickets(since=since, companies=company)
            created |= self._queue_for_callbacks(since=since, companies=company)
        return created

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_surveys(self, batch_size=200):
        """Queue what was missed, give up the long undeliverable, then send
        the due surveys and reminders one committed batch at a time."""
        Cron = self.env["ir.cron"]
        self._queue_missed()
        self._expire_pending()
        Cron._commit_progress(0)
        while True:
            processed, remaining = self._send_batch(batch_size=batch_size)
            if not processed:
                break
            if not Cron._commit_progress(processed, remaining=remaining) or not remaining:
                break

    def _send_domain(self, now):
        return (
            Domain("state", "=", "pending")
            & Domain("due_date", "<=", now)
            & (Domain("next_attempt_date", "=", False) | Domain("next_attempt_date", "<=", now))
        )

    def _remind_domain(self, now):
        domains = []
        for company in (
            self.env["res.company"].sudo().search([("callback_survey_reminder_days", ">", 0)])
        ):
            limit = now - timedelta(days=company.callback_survey_reminder_days)
            domains.append(Domain("company_id", "=", company.id) & Domain("sent_date", "<=", limit))
        if not domains:
            return Domain.FALSE
        return (
            Domain("state", "=", "sent")
            & Domain("reminder_date", "=", False)
            & Domain("reminder_skipped_date", "=", False)
            & (Domain("next_attempt_date", "=", False) | Domain("next_attempt_date", "<=", now))
            # no answer record: asked another way (the helpdesk rating bridge)
            & (Domain("user_input_id", "=", False) | Domain("user_input_id.state", "!=", "done"))
            & Domain.OR(domains)
        )

    @api.model
    def _send_batch(self, batch_size=200, now=None):
        """Send one batch of due surveys, or else of reminders.

        Returns (processed, remaining). Rows are locked, so two runs at once
        never send the same request twice; a request leaves 'pending' only
        once sent (or found unreachable), so a second run sends nothing new.
        """
        now = now or fields.Datetime.now()
        requests = self.sudo()
        send_domain = self._send_domain(now)
        due = requests.search(
            send_domain, limit=batch_size, order="due_date, id"
        ).try_lock_for_update()
        if due:
            due._send(now)
            remaining = requests.search_count(send_domain) + requests.search_count(
                self._remind_domain(now)
            )
            return len(due), remaining
        remind_domain = self._remind_domain(now)
        reminders = requests.search(
            remind_domain, limit=batch_size, order="sent_date, id"
        ).try_lock_for_update()
        if not reminders:
            return 0, 0
        reminders._remind(now)
        return len(reminders), requests.search_count(remind_domain)

    @api.model
    def _expire_pending(self, now=None):
        """Pending requests still unsent long after their due date fail:
        they are listed for a call, not silently dropped."""
        now = now or fields.Datetime.now()
        expired = self.browse()
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            limit = now - timedelta(days=company.callback_survey_expiry_days)
            requests = (
                self.sudo()
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("state", "=", "pending"),
                        ("due_date", "<", limit),
                    ]
                )
                .try_lock_for_update()
            )
            if requests:
                requests.write(
                    {
                        "state": "failed",
                        "error_message": self.env._(
                            "Not sent within %s days of its due date: call the customer instead.",
                            company.callback_survey_expiry_days,
                        ),
                    }
                )
                expired |= requests
        return expired

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------

    def _send(self, now):
        for company, requests in self.grouped("company_id").items():
            requests._send_for_company(company, now)

    def _recently_surveyed(self, now, days):
        """Customers of these requests surveyed within the last ``days``."""
        if days <= 0:
            return set()
        rows = self.sudo()._read_group(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("state", "in", ("sent", "answered")),
                ("sent_date", ">", now - timedelta(days=days)),
            ],
            ["partner_id"],
        )
        return {partner.id for (partner,) in rows}

    def _send_for_company(self, company, now):
        # The customer's say first (consent ledger): no survey when he withdrew
        # surveys or contact, none by a channel he withdrew.
        requests = (self - self._skip_without_consent()).sorted(lambda r: (r.due_date, r.id))
        # Contact cap: the same customer at most once per fatigue period.
        recent = requests._recently_surveyed(now, company.callback_fatigue_days)
        accepted, capped = survey_score.apply_cap([r.partner_id.id for r in requests], recent)
        capped_requests = self.browse([requests[i].id for i in capped])
        if capped_requests:
            capped_requests.write(
                {
                    "state": "skipped_cap",
                    "error_message": self.env._(
                        "The customer was already surveyed in the last %s days.",
                        company.callback_fatigue_days,
                    ),
                }
            )
        requests = self.browse([requests[i].id for i in accepted])
        # Channel: email, or SMS when installed; nobody to write to: call.
        sms_available = company._callback_sms_available()
        by_channel = {survey_score.EMAIL: self.browse(), survey_score.SMS: self.browse()}
        no_contact = self.browse()
        consents = requests.partner_id._callback_consents()
        for request in requests:
            consent = consents[request.partner_id.id]
            channel = survey_score.pick_channel(
                company.callback_survey_channel,
                bool(request.partner_id.email) and consent.may_survey(survey_score.EMAIL),
                bool(request.partner_id.phone) and consent.may_survey(survey_score.SMS),
                sms_available,
            )
            if channel:
                by_channel[channel] |= request
            else:
                no_contact |= request
        if no_contact:
            no_contact.write(
                {
                    "state": "no_contact",
                    "error_message": self.env._(
                        "The customer has no email address or mobile number: call instead."
                    ),
                }
            )
        requests = requests - no_contact
        if not requests:
            return
        survey = company._callback_survey()
        if not survey:
            requests._retry_later(now, self.env._("No satisfaction survey is set in the settings."))
            return
        requests._ensure_user_inputs(survey)
        for channel, channel_requests in by_channel.items():
            if channel_requests:
                channel_requests._deliver(channel, company, now, reminder=False)

    def _skip_without_consent(self):
        """Mark skipped, with the reason, the requests whose customer withdrew
        surveys or contact, or every channel a survey could go by. Returns
        the skipped requests."""
        consents = self.partner_id._callback_consents()
        by_reason = defaultdict(self.browse)
        for request in self:
            partner = request.partner_id
            consent = consents[partner.id]
            refusal = consent.survey_refusal()
            if refusal == "contact":
                by_reason[self.env._("The customer asked not to be contacted.")] |= request
            elif refusal == "survey":
                by_reason[self.env._("The customer withdrew consent to surveys.")] |= request
            elif not any(
                consent.may_survey(channel)
                for channel, reachable in (
                    (survey_score.EMAIL, partner.email),
                    (survey_score.SMS, partner.phone),
                )
                if reachable
            ) and (partner.email or partner.phone):
                by_reason[
                    self.env._("The customer withdrew consent to every channel he has given.")
                ] |= request
        skipped = self.browse()
        for reason, requests in by_reason.items():
            requests.write({"state": "skipped_consent", "error_message": reason})
            skipped |= requests
        return skipped

    def _ensure_user_inputs(self, survey):
        """Exactly one survey answer per request: created once, in one batch,
        and kept (reused) when the send must be retried."""
        missing = self.filtered(lambda r: not r.user_input_id)
        if not missing:
            return
        inputs = (
            self.env["survey.user_input"]
            .sudo()
            .create(
                [
                    {
                        "survey_id": survey.id,
                        "partner_id": request.partner_id.id,
                        "email": request.partner_id.email,
                        "nickname": request.partner_id.name,
                        "ticket_id": request.ticket_id.id,
                        "callback_id": request.callback_id.id,
                        "lang_id": self.env["res.lang"]._lang_get(request.partner_id.lang).id,
                    }
                    for request in missing
                ]
            )
        )
        for request, user_input in zip(missing, inputs, strict=True):
            request.user_input_id = user_input

    def _deliver(self, channel, company, now, reminder):
        """Send by ``channel``; returns the requests that were sent. Sends
        that raise are isolated (savepoint per request) and retried later."""
        sent = self.browse()
        failures = {}
        try:
            with self.env.cr.savepoint():
                self._deliver_now(channel, company, reminder)
            sent = self
        except Exception:  # noqa: BLE001 - isolate the failing requests below
            for request in self:
                try:
                    with self.env.cr.savepoint():
                        request._deliver_now(channel, company, reminder)
                    sent |= request
                except Exception as error:  # noqa: BLE001 - kept pending, retried
                    _logger.warning("Satisfaction survey %s not sent: %s", request.id, error)
                    failures[request] = str(error) or error.__class__.__name__
        if sent:
            if reminder:
                sent.write({"reminder_date": now})
            else:
                sent.write(
                    {
                        "state": "sent",
                        "sent_date": now,
                        "channel": channel,
                        "error_message": False,
                        "next_attempt_date": False,
                    }
                )
                sent._log_sent(channel)
        for request, message in failures.items():
            request._retry_later(now, message)
        return sent

    def _retry_later(self, now, message):
        """Keep the requests pending, with the error, for the next run."""
        for request in self:
            request.write(
                {
                    "attempt_count": request.attempt_count + 1,
                    "error_message": message,
                    "next_attempt_date": now + RETRY_DELAY,
                }
            )

    def _deliver_now(self, channel, company, reminder):
        inputs = self.user_input_id
        # the customer's personal link (contact preferences, stop surveys) goes
        # with every survey message
        Link = self.env["customer.callback.link"].sudo()
        for partner in self.partner_id:
            # a customer of another company (a ticket of this company for
            # him) gets no page of this company: the survey goes without
            if not partner.company_id or partner.company_id == company:
                Link._for_partner(partner, "survey", company)
        if channel == survey_score.SMS:
            self._deliver_sms(reminder)
            return
        template = company._callback_survey_template(reminder=reminder)
        if not template:
            raise UserError(self.env._("No email template is set for the satisfaction surveys."))
        template.sudo().send_mail_batch(
            inputs.ids, email_layout_xmlid="mail.mail_notification_light"
        )

    def _deliver_sms(self, reminder):
        vals_list = []
        for request in self:
            partner = request.partner_id
            user_input = request.user_input_id
            url = user_input.get_base_url() + user_input.get_start_url()
            env = self.with_context(lang=partner.lang).env
            if reminder:
                body = env._(
                    "%(company)s: a reminder, your opinion matters to us. Please rate our "
                    "service: %(url)s",
                    company=request.company_id.name,
                    url=url,
                )
            else:
                body = env._(
                    "%(company)s: your request has been handled. How satisfied are you? "
                    "Please rate our service: %(url)s",
                    company=request.company_id.name,
                    url=url,
                )
            link_url = user_input.callback_personal_link_url
            if link_url:
                body += " " + env._("Your contact preferences: %s", link_url)
            number = partner.phone_sanitized if "phone_sanitized" in partner._fields else False
            vals_list.append(
                {"number": number or partner.phone, "partner_id": partner.id, "body": body}
            )
        self.env["sms.sms"].sudo().create(vals_list)

    def _log_sent(self, channel):
        label = dict(CHANNELS)[channel]
        body = self.env._("Satisfaction survey sent by %s.", label)
        tickets = self.filtered(lambda r: not r.callback_id).ticket_id
        if tickets:
            tickets.sudo()._message_log_batch(bodies=dict.fromkeys(tickets.ids, body))
        callbacks = self.callback_id
        if callbacks:
            callbacks.sudo()._message_log_batch(bodies=dict.fromkeys(callbacks.ids, body))

    def _remind(self, now):
        # no reminder by a channel the customer withdrew since the survey was sent
        consents = self.partner_id._callback_consents()
        remind = self.filtered(
            lambda r: consents[r.partner_id.id].may_survey(r.channel or survey_score.EMAIL)
        )
        # marked, so that they leave the reminders' queue: left as they were,
        # the scheduled action found them again and again (the simulated year
        # of issue #30 saw it loop without end on one such request)
        (self - remind).write({"reminder_skipped_date": now})
        for company, requests in remind.grouped("company_id").items():
            for channel, channel_requests in requests.grouped("channel").items():
                channel_requests._deliver(
                    channel or survey_score.EMAIL, company, now, reminder=True
                )

    # ------------------------------------------------------------------
    # Answers
    # ------------------------------------------------------------------

    def _mark_answered(self, now):
        """Answered, with the answer's score kept here as history."""
        for score, requests in (
            self.filtered(lambda r: r.state != "answered")
            .grouped(lambda r: r.user_input_id.callback_score)
            .items()
        ):
            requests.write({"state": "answered", "answered_date": now, "score": score or False})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_answers(self):
        """The customer's answers, printed (readable without survey rights)."""
        self.ensure_one()
        self.check_access("read")  # the answer is read as superuser below
        user_input = self.sudo().user_input_id
        if not user_input:
            raise UserError(self.env._("This survey has not been sent yet."))
        return {
            "type": "ir.actions.act_url",
            "name": self.env._("Survey answers"),
            "target": "new",
            "url": user_input.get_print_url(),
        }

    def action_retry(self):
        """Put failed or unreachable requests back in the queue (e.g. after
        the customer's email address was added)."""
        # Agents read requests without writing them: the queue's own fields
        # (state, score, dates) change only through these actions.
        self.check_access("read")
        retry = self.filtered(lambda r: r.state in ("failed", "no_contact")).sudo()
        retry.write(
            {
                "state": "pending",
                "due_date": fields.Datetime.now(),
                "next_attempt_date": False,
                "error_message": False,
            }
        )
        return True

    def action_create_call(self):
        """A phone callback for customers the survey could not reach."""
        self.check_access("read")
        callbacks = self.env["customer.callback"]
        vals_list, sources = [], {}
        for request in self:
            if request.call_callback_id:
                callbacks |= request.call_callback_id
                continue
            if request.state not in ("no_contact", "failed"):
                raise UserError(
                    self.env._("Only surveys that could not be sent are replaced by a call.")
                )
            company = request.company_id
            rule = company._callback_survey_followup_rule()
            key = f"SR{request.id}"
            vals_list.append(
                {
                    "partner_id": request.partner_id.id,
                    "company_id": company.id,
                    "rule_id": rule.id,
                    "segment": "complaint"
                    if request.trigger == "complaint"
                    else "feedback_history",
                    "period_key": key,
                    "user_id": (request.user_id or self.env.user).id,
                    "team_id": request.team_id.id,
                    "channel": "phone",
                    "ticket_id": request.ticket_id.id,
                    "source_callback_id": request.callback_id.id,
                    "next_action": self.env._(
                        "Ask for the customer's satisfaction (5-point scale)."
                    ),
                }
            )
            sources[key] = request
        if vals_list:
            # Exempt from the contact-fatigue cap: the call replaces the survey the
            # SOP demands after a solution (§6), it is not one contact more.
            # as superuser: the agent may not set a planned callback's period
            # and state herself (customer.callback._check_agent_write)
            planned = callbacks.sudo()._plan_callbacks(vals_list, fatigue_exempt=True)
            # a call planned before for the request (its key exists) is linked again
            planned |= callbacks.sudo().search(
                [
                    (
                        "period_key",
                        "in",
                        [k for k in sources if k not in planned.mapped("period_key")],
                    )
                ]
            )
            for callback in planned:
                sources[callback.period_key].sudo().call_callback_id = callback
            callbacks |= planned.with_env(callbacks.env)
        if len(callbacks) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "customer.callback",
                "res_id": callbacks.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Calls"),
            "res_model": "customer.callback",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", callbacks.ids)],
        }
