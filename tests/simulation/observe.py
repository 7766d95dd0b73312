# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the invariants look at, read from the database with plain ORM
reads (``search_read``/``_read_group``, as superuser, archived records
included) into plain rows. Nothing here computes a promise."""

from collections import defaultdict
from datetime import datetime, timedelta

from odoo.addons.customer_callback.tools import call_window

CALLBACK_FIELDS = [
    "name",
    "partner_id",
    "company_id",
    "segment",
    "planned_date",
    "state",
    "close_reason",
    "ticket_id",
    "rule_id",
    "create_date",
    "write_date",
    "done_date",
    "score",
    "spot_check_id",
    "channel",
]


def _id(value):
    return value[0] if value else False


def suite_crons(env):
    """The scheduled actions the suite's installed addons define, by id:
    every ``customer_callback*`` addon, so that a capability cut out of the
    core takes its scheduled actions with it (the quarterly report's mail
    had stopped running in the simulation when it moved to
    ``customer_callback_report``)."""
    installed = env["ir.module.module"].search(
        [("name", "=like", "customer\\_callback%"), ("state", "=", "installed")]
    )
    data = env["ir.model.data"].search(
        [("module", "in", installed.mapped("name")), ("model", "=", "ir.cron")], order="id"
    )
    return sorted(data.mapped("res_id"))


def _callbacks(env, domain):
    rows = (
        env["customer.callback"]
        .with_context(active_test=False)
        .search_read(domain, CALLBACK_FIELDS, order="id")
    )
    # the first attempt of each: a call made in time answers the promise,
    # whatever the next attempt did to the planned date afterwards
    first = dict(
        env["customer.callback.attempt"]._read_group(
            [("callback_id", "in", [row["id"] for row in rows])],
            ["callback_id"],
            ["attempt_date:min"],
        )
    )
    first = {callback.id: moment for callback, moment in first.items()}
    plans = _plans_before_call(env, first)
    for row in rows:
        for key in ("partner_id", "company_id", "ticket_id", "rule_id", "spot_check_id"):
            row[key] = _id(row[key])
        row["first_attempt"] = first.get(row["id"])
        row["plan_before_call"] = plans.get(row["id"])
    return rows


def _plans_before_call(env, first):
    """{callback id: its planned date just before its first attempt} from
    the callbacks' tracking (the attempt's retry moves the planned date):
    the last value set before the first attempt, else the value the first
    change after it replaced."""
    if not first:
        return {}
    values = env["mail.tracking.value"].search(
        [
            ("field_id.model", "=", "customer.callback"),
            ("field_id.name", "=", "planned_date"),
            ("mail_message_id.res_id", "in", list(first)),
            ("mail_message_id.model", "=", "customer.callback"),
        ],
        order="id",
    )
    plans = {}
    for value in values:
        callback_id = value.mail_message_id.res_id
        if callback_id in plans and plans[callback_id][1]:
            continue  # settled by a change at or after the first attempt
        if value.mail_message_id.date < first[callback_id]:
            plans[callback_id] = (value.new_value_datetime, False)
        else:
            plans.setdefault(callback_id, (value.old_value_datetime, True))
            if not plans[callback_id][1]:
                plans[callback_id] = (plans[callback_id][0], True)
    return {callback_id: plan for callback_id, (plan, _settled) in plans.items()}


def _windows(company):
    windows = company._callback_windows()
    return {"workday": windows[call_window.WORKDAY], "holiday": windows[call_window.HOLIDAY]}


def read_facts(env, sim, day):
    """The rows of the day ending now (``day`` 24:00 UTC)."""
    since = datetime.combine(day, datetime.min.time())
    now = since + timedelta(days=1)
    horizon = since - timedelta(days=400)
    # what the customers asked for on their personal page (the world's own log)
    facts = {"since": since, "now": now, "asks": sim.world.asks}
    companies = env["res.company"].browse(sim.company_ids)
    windows = {c.id: _windows(c) for c in companies}
    facts["fatigue"] = {c.id: (c.callback_fatigue_max, c.callback_fatigue_days) for c in companies}
    # first confirmed order per customer (000 §4.1 "new customer")
    first_orders = {}
    for partner, first in env["sale.order"]._read_group(
        [("state", "=", "sale")], ["partner_id"], ["date_order:min"]
    ):
        first_orders[partner.id] = first
    facts["first_orders"] = first_orders
    # callbacks: those of the last 40 days suffice for the 7/3-day promises
    recent = since - timedelta(days=40)
    facts["callbacks"] = _callbacks(
        env, ["|", ("create_date", ">=", recent), ("write_date", ">=", recent)]
    )
    facts["open_callbacks"] = [
        cb for cb in facts["callbacks"] if cb["state"] in ("draft", "planned", "in_progress")
    ]
    # consent ledger: (date, purpose, channel, decision) per customer, in time order
    consents = defaultdict(list)
    for row in env["customer.callback.consent"].search_read(
        [], ["partner_id", "date", "purpose", "channel", "decision"], order="date, id"
    ):
        consents[row["partner_id"][0]].append(
            (row["date"], row["purpose"], row["channel"], row["decision"])
        )
    facts["consents"] = consents
    # complaints (tickets) touched in the last 40 days, with their breach reminders
    Ticket = env["helpdesk.ticket"].with_context(active_test=False)
    tickets = Ticket.search(
        [
            ("is_complaint", "=", True),
            "|",
            ("write_date", ">=", recent),
            ("create_date", ">=", recent),
        ],
        order="id",
    )
    breach_type = env.ref("customer_callback_complaint.mail_activity_type_complaint_breached")
    breaches = defaultdict(list)
    for row in (
        env["mail.activity"]
        .with_context(active_test=False)
        .search_read(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "in", tickets.ids),
                ("activity_type_id", "=", breach_type.id),
            ],
            ["res_id", "create_date"],
        )
    ):
        breaches[row["res_id"]].append(row["create_date"])
    # a breach reminder marked done leaves a message of its activity type
    for row in env["mail.message"].search_read(
        [
            ("model", "=", "helpdesk.ticket"),
            ("res_id", "in", tickets.ids),
            ("mail_activity_type_id", "=", breach_type.id),
        ],
        ["res_id", "create_date"],
    ):
        breaches[row["res_id"]].append(row["create_date"])
    # reopenings (a closed stage left for an open one), from the stage's tracking
    closed_stages = set(env["helpdesk.ticket.stage"].search([("closed", "=", True)]).ids)
    reopenings = defaultdict(list)
    for row in env["mail.tracking.value"].search_read(
        [
            ("mail_message_id.model", "=", "helpdesk.ticket"),
            ("mail_message_id.res_id", "in", tickets.ids),
            ("field_id.name", "=", "stage_id"),
        ],
        ["mail_message_id", "old_value_integer", "new_value_integer", "create_date"],
    ):
        if (
            row["old_value_integer"] in closed_stages
            and row["new_value_integer"] not in closed_stages
        ):
            reopenings[row["mail_message_id"][0]].append(row["create_date"])
    reopened = defaultdict(list)
    if reopenings:
        for message in env["mail.message"].browse(list(reopenings)):
            reopened[message.res_id].extend(reopenings[message.id])
    facts["complaints"] = [
        {
            "id": t.id,
            "reopened": reopened[t.id],
            "partner_id": t.partner_id.id,
            "closed_date": t.closed_date if t.stage_id.closed else None,
            "first_response_deadline": t.first_response_deadline,
            "first_response_date": t.first_response_date,
            "response_deadline": t.response_deadline,
            "response_date": t.response_date,
            "resolution_deadline": t.resolution_deadline,
            "breach_activities": breaches[t.id],
            "do_not_call": t.partner_id.callback_do_not_call,
        }
        for t in tickets
    ]
    # attempts of the day
    attempts = env["customer.callback.attempt"].search(
        [("attempt_date", ">=", since), ("attempt_date", "<", now)], order="id"
    )
    facts["attempts_today"] = [
        {
            "id": a.id,
            "callback": a.callback_id.name,
            "partner_id": a.callback_id.partner_id.id,
            "attempt_date": a.attempt_date,
            "channel": a.channel,
            "tz": a.callback_id._tz(),
            "country": a.callback_id.partner_id.country_id.code
            or a.callback_id.company_id.country_id.code,
            "windows": windows[a.callback_id.company_id.id],
        }
        for a in attempts
    ]
    # open phone callbacks planned within the day (where the suite placed them)
    planned = env["customer.callback"].search(
        [
            ("planned_date", ">=", since),
            ("planned_date", "<", now),
            ("state", "in", ("planned", "in_progress")),
        ],
        order="id",
    )
    facts["planned_today"] = [
        {
            "id": cb.id,
            "name": cb.name,
            "planned_date": cb.planned_date,
            "channel": cb.channel,
            "tz": cb._tz(),
            "country": cb.partner_id.country_id.code or cb.company_id.country_id.code,
            "windows": windows[cb.company_id.id],
        }
        for cb in planned
    ]
    # contacts for the fatigue cap: callbacks with an attempt, by first attempt
    contacts = defaultdict(list)
    # (counted on the customer's local days: a day of margin for the timezones)
    low = since - timedelta(days=max(d for _c, d in facts["fatigue"].values()) + 2)
    exempt_rules = set(
        env["customer.callback.rule"]
        .with_context(active_test=False)
        .search([("ignore_fatigue", "=", True)])
        .ids
    )
    # each callback's first attempt ever (not the first of the days read: a
    # callback first called before ``low`` and again since is no new contact)
    for callback, first in env["customer.callback.attempt"]._read_group(
        [("attempt_date", "<", now)],
        ["callback_id"],
        ["attempt_date:min"],
        having=[("attempt_date:min", ">=", low)],
    ):
        # what never counts (SOP 002 §9): a spot-check (its own cap), the
        # call the customer asked for, a rule that ignores fatigue; a
        # callback made by hand counts like any other
        if callback.rule_id.id in exempt_rules or callback.segment in (
            "spot_check",
            "customer_request",
        ):
            continue
        contacts[callback.partner_id.id].append(
            (callback.id, first, callback.company_id.id, callback._tz())
        )
    facts["contacts"] = contacts
    # survey requests of the last 40 days
    facts["surveys"] = [
        {
            "id": r["id"],
            "partner_id": _id(r["partner_id"]),
            "ticket_id": _id(r["ticket_id"]),
            "state": r["state"],
            "sent_date": r["sent_date"],
            "create_date": r["create_date"],
        }
        for r in env["customer.callback.survey.request"].search_read(
            [("create_date", ">=", recent)],
            ["partner_id", "ticket_id", "state", "sent_date", "create_date"],
            order="id",
        )
    ]
    # spot-checks: every spot-check callback of the last 400 days
    # (customer, the month of its draw): the spot-check is drawn monthly, and
    # its cap counts the draws of 12 consecutive months; a cancelled one
    # (never called) is no spot-check
    facts["spot_checks"] = [
        (cb.partner_id.id, cb.spot_check_id.date_from)
        for cb in env["customer.callback"]
        .with_context(active_test=False)
        .search(
            [
                ("segment", "=", "spot_check"),
                ("spot_check_id", "!=", False),
                ("state", "!=", "cancelled"),
                ("create_date", ">=", horizon),
            ],
            order="id",
        )
    ]
    # the month's spot-check: due on the 27th (company time), checked the day after
    due = []
    drawn = {}
    for company in companies:
        local_day = call_window.to_local(since, call_window.get_zone(company._callback_tz())).date()
        if local_day.day == 28 and local_day > sim.start:
            due.append((company.id, local_day.replace(day=27)))
            batches = env["customer.callback.spot.check"].search(
                [("company_id", "=", company.id), ("date_from", "=", local_day.replace(day=1))]
            )
            for batch in batches:
                if batch.sampled_date:
                    local = call_window.to_local(
                        batch.sampled_date, call_window.get_zone(company._callback_tz())
                    )
                    drawn[(company.id, local_day.replace(day=1))] = local.replace(tzinfo=None)
    facts["spot_check_due"] = due
    facts["spot_check_drawn"] = drawn
    # overdue digests
    facts["digests"] = [
        (_id(r["leader_id"]), r["date"])
        for r in env["customer.callback.escalation"]
        .with_context(active_test=False)
        .search_read([("date", ">=", day - timedelta(days=2))], ["leader_id", "date"], order="id")
    ]
    # callback numbers of this month and the one before
    month_low = (since.replace(day=1) - timedelta(days=1)).replace(day=1)
    facts["callback_names"] = [
        (cb["company_id"], cb["name"])
        for cb in _callbacks(env, [("create_date", ">=", month_low - timedelta(days=1))])
        if cb["name"] and cb["name"][:6] >= f"{month_low:%Y%m}"
    ]
    return facts


def read_quarters(env, sim, end):
    """Each complete quarter of the run, per company: the report's figures
    (the report wizard's own ``_key_figures``) and the raw rows the
    simulation recomputes them from."""
    from . import invariants  # noqa: PLC0415

    result = {}
    Wizard = env["customer.callback.quarterly.report"]
    for company in env["res.company"].browse(sim.company_ids):
        tz = company._callback_tz()
        tickets = (
            env["helpdesk.ticket"]
            .with_context(active_test=False)
            .search([("is_complaint", "=", True), ("company_id", "=", company.id)], order="id")
        )
        rows = {
            "complaints": [
                {
                    "complaint_date": t.complaint_date,
                    "first_response_date": t.first_response_date,
                    "first_response_deadline": t.first_response_deadline,
                    "closed": t.stage_id.closed,
                    "closed_date": t.closed_date,
                    "resolution_deadline": t.resolution_deadline,
                }
                for t in tickets
            ],
            "callbacks": [
                {
                    "state": cb["state"],
                    "done_date": cb["done_date"],
                    "score": cb["score"],
                    "spot_check": bool(cb["spot_check_id"]),
                }
                for cb in _callbacks(env, [("company_id", "=", company.id)])
            ],
        }
        year, quarter = sim.start.year, (sim.start.month - 1) // 3 + 1
        while True:
            # every quarter the run touched, the last one as it stands at the end
            start, stop = invariants.quarter_bounds(year, quarter, tz)
            if start >= datetime.combine(end, datetime.min.time()):
                break
            wizard = Wizard.with_company(company).create(
                {"company_id": company.id, "year": year, "quarter": str(quarter)}
            )
            reported = wizard._key_figures(wizard._period(year, quarter))
            recomputed = invariants.recompute_quarter(rows, start, stop)
            result[(company.id, year, quarter)] = (reported, recomputed)
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return {"quarters": result}


def digest_rows(env):
    """What the run made, in id order: the same seed gives the same rows."""
    rows = []
    for model, fields_ in (
        ("customer.callback", ["name", "partner_id", "state", "planned_date", "score"]),
        ("customer.callback.attempt", ["callback_id", "attempt_date", "result"]),
        ("helpdesk.ticket", ["partner_id", "stage_id", "closed_date"]),
        ("customer.callback.survey.request", ["partner_id", "state", "sent_date"]),
        ("customer.callback.consent", ["partner_id", "purpose", "decision", "date"]),
    ):
        for row in env[model].with_context(active_test=False).search_read([], fields_, order="id"):
            rows.append((model, tuple(str(row[f]) for f in fields_)))
    return rows


def service_rows(env, segments):
    """(segment, created, first attempt, closed with a reason) of every
    callback of ``segments``, for ``invariants.service_level``."""
    Callback = env["customer.callback"].with_context(active_test=False)
    callbacks = Callback.search_fetch(
        [("segment", "in", list(segments))], ["segment", "create_date", "state", "done_date"]
    )
    first = {
        callback.id: moment
        for callback, moment in env["customer.callback.attempt"]._read_group(
            [("callback_id", "in", callbacks.ids)], ["callback_id"], ["attempt_date:min"]
        )
    }
    return [
        (
            cb.segment,
            cb.create_date,
            first.get(cb.id),
            cb.done_date if cb.state == "cancelled" else None,
        )
        for cb in callbacks
    ]
