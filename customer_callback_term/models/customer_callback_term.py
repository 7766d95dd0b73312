# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""高频问题词 — the high-frequency terms of a month (SOP 003 step 5): the
words and two-word phrases customers use in callbacks (feedback, needs,
praise, the notes of attempts that reached them) and in the tickets raised
from callbacks and complaints (descriptions), per company, month and
problem category, each row keeping the records that contain it.

Stored, not computed on the screen: segmenting a month of ~80,000 callbacks
takes seconds to tens of seconds (tests/bench/reports.py), too slow for a
screen a supervisor opens. The monthly scheduled action computes the month
just ended for each company; *Compute terms* (a wizard) computes any month
again at once (after editing the stop words, or the month so far). Each
month keeps the ``TOP_STORED`` most mentioned terms and phrases of each
category."""

from collections import defaultdict
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import html2plaintext

from odoo.addons.customer_callback.tools import call_window

from ..tools import terms

TOP_STORED = 100
BATCH_SIZE = 2000
# the attempt notes that hold the customer's words: the customer was reached
CUSTOMER_RESULTS = ("connected", "hung_up", "declined")


class CustomerCallbackTerm(models.Model):
    _name = "customer.callback.term"
    _description = "High-frequency Term"
    _order = "month desc, record_count desc, occurrence_count desc, term"
    _rec_name = "term"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    month = fields.Date(required=True, readonly=True, index=True, help="First day of the month.")
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Category",
        readonly=True,
        help="The callback's problem category or the ticket's category; empty when none.",
    )
    kind = fields.Selection(
        [("term", "Term"), ("phrase", "Phrase")],
        required=True,
        readonly=True,
        help="A word, or two words used one after the other.",
    )
    term = fields.Char(required=True, readonly=True)
    record_count = fields.Integer(
        string="Records",
        readonly=True,
        aggregator="sum",
        help="Callbacks and tickets of the month that contain the term.",
    )
    occurrence_count = fields.Integer(
        string="Occurrences",
        readonly=True,
        aggregator="sum",
        help="How many times the term was written.",
    )
    callback_count = fields.Integer(string="Callbacks", readonly=True, aggregator="sum")
    ticket_count = fields.Integer(string="Tickets", readonly=True, aggregator="sum")
    callback_ids_json = fields.Json(string="Callback ids", readonly=True)
    ticket_ids_json = fields.Json(string="Ticket ids", readonly=True)

    _month_company_idx = models.Index("(company_id, month, kind)")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _open(self, model, ids):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Records with “%(term)s”", term=self.term),
            "res_model": model,
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", ids)],
            "context": {"active_test": False, "create": False},
        }

    def action_open_callbacks(self):
        return self._open("customer.callback", self.callback_ids_json or [])

    def action_open_tickets(self):
        return self._open("helpdesk.ticket", self.ticket_ids_json or [])

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------

    @api.model
    def _month_bounds(self, company, month):
        """The month as naive UTC datetimes [start, end), in the company's
        timezone."""
        zone = call_window.get_zone(company._callback_tz())

        def utc(day):
            return call_window.to_utc_naive(datetime.combine(day, time.min, tzinfo=zone))

        return utc(month), utc(month + relativedelta(months=1))

    @api.model
    def _callback_texts(self, company, start, end, counter):
        """Count the callbacks closed in [start, end), BATCH_SIZE at a time."""
        Callback = self.env["customer.callback"].sudo().with_context(active_test=False)
        Attempt = self.env["customer.callback.attempt"].sudo()
        domain = Domain(
            [("company_id", "=", company.id), ("done_date", ">=", start), ("done_date", "<", end)]
        )
        last_id = 0
        # the feedback and needs, and the praise where the spot-checks are
        # installed (customer.callback._customer_words_fields)
        text_fields = Callback._customer_words_fields()
        while True:
            batch = Callback.search_fetch(
                domain & Domain("id", ">", last_id),
                [*text_fields, "problem_category_id"],
                order="id",
                limit=BATCH_SIZE,
            )
            if not batch:
                return
            notes = defaultdict(list)
            for attempt in Attempt.search_fetch(
                [
                    ("callback_id", "in", batch.ids),
                    ("result", "in", CUSTOMER_RESULTS),
                    ("note", "!=", False),
                ],
                ["callback_id", "note"],
                order="id",
            ):
                notes[attempt.callback_id.id].append(attempt.note)
            for callback in batch:
                counter.add(
                    callback.problem_category_id.id,
                    ("customer.callback", callback.id),
                    [callback[name] for name in text_fields] + notes[callback.id],
                )
            last_id = batch[-1].id
            # a month of callbacks is not kept in the cache
            self.env.invalidate_all()

    @api.model
    def _ticket_texts(self, company, start, end, counter):
        """Count the problems raised in [start, end) (the tickets raised from
        callbacks, and with customer_callback_complaint the complaints
        received), BATCH_SIZE at a time."""
        Ticket = self.env["helpdesk.ticket"].sudo().with_context(active_test=False)
        domain = Domain("company_id", "=", company.id) & Ticket._callback_problem_domain(start, end)
        last_id = 0
        while True:
            batch = Ticket.search_fetch(
                domain & Domain("id", ">", last_id),
                ["description", "category_id"],
                order="id",
                limit=BATCH_SIZE,
            )
            if not batch:
                return
            for ticket in batch:
                counter.add(
                    ticket.category_id.id,
                    ("helpdesk.ticket", ticket.id),
                    [html2plaintext(ticket.description) if ticket.description else ""],
                )
            last_id = batch[-1].id
            self.env.invalidate_all()

    @api.model
    def _compute_month(self, company, month):
        """Count the terms of ``company``'s ``month`` (any day of it) again:
        the month's rows are replaced. Returns the new rows."""
        month = month.replace(day=1)
        start, end = self._month_bounds(company, month)
        counter = terms.TermCounter(self.env["customer.callback.stop.word"]._words_of(company))
        self._callback_texts(company, start, end, counter)
        self._ticket_texts(company, start, end, counter)
        self.sudo().search([("company_id", "=", company.id), ("month", "=", month)]).unlink()
        vals_list = []
        for row in counter.top(TOP_STORED):
            callbacks = sorted(ref for model, ref in row["refs"] if model == "customer.callback")
            tickets = sorted(ref for model, ref in row["refs"] if model == "helpdesk.ticket")
            vals_list.append(
                {
                    "company_id": company.id,
                    "month": month,
                    "category_id": row["key"] or False,
                    "kind": row["kind"],
                    "term": row["term"],
                    "record_count": row["records"],
                    "occurrence_count": row["occurrences"],
                    "callback_count": len(callbacks),
                    "ticket_count": len(tickets),
                    "callback_ids_json": callbacks,
                    "ticket_ids_json": tickets,
                }
            )
        return self.sudo().create(vals_list)

    @api.model
    def _compute_recent_months(self, count=3):
        """Count the last ``count`` months of every company, this month so far
        included (the demo's history; a first look after installing)."""
        for company in self.env["res.company"].sudo().search([("active", "=", True)]):
            this_month = self._last_month(company) + relativedelta(months=1)
            for back in range(count - 1, -1, -1):
                self._compute_month(company, this_month - relativedelta(months=back))

    @api.model
    def _top_terms(self, company, first, following, kind="term", limit=10):
        """The ``limit`` most mentioned terms of the months in [first,
        following), summed over categories: [(term, records, occurrences)]."""
        rows = self._read_group(
            [
                ("company_id", "=", company.id),
                ("month", ">=", first),
                ("month", "<", following),
                ("kind", "=", kind),
            ],
            ["term"],
            ["record_count:sum", "occurrence_count:sum"],
        )
        return terms.merge_top(rows, limit)

    # ------------------------------------------------------------------
    # Scheduled action: the month just ended, one company per batch
    # ------------------------------------------------------------------

    @api.model
    def _last_month(self, company):
        today = fields.Date.context_today(self.with_context(tz=company._callback_tz()))
        return today.replace(day=1) - relativedelta(months=1)

    @api.model
    def _compute_terms_batch(self):
        """Compute the month just ended of one company not computed yet (in
        the company's timezone): (1, companies left), or (0, 0) when none is
        left. The companies' *terms computed up to* month is the progress."""
        due = (
            self.env["res.company"]
            .sudo()
            # a company's month may end a day apart from UTC's: the domain
            # takes every company possibly due, its timezone decides
            .search(
                Domain("callback_terms_month", "=", False)
                | Domain("callback_terms_month", "<", fields.Date.today().replace(day=1)),
                order="id",
            )
            .filtered(
                lambda c: not c.callback_terms_month or c.callback_terms_month < self._last_month(c)
            )
        )
        if not due:
            return 0, 0
        company = due[0]
        month = self._last_month(company)
        self._compute_month(company, month)
        company.callback_terms_month = month
        return 1, len(due) - 1

    @api.model
    def _cron_compute_terms(self):
        done, remaining = self._compute_terms_batch()
        self.env["ir.cron"]._commit_progress(done, remaining=remaining)
