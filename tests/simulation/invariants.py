# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SOP promises, each a small pure function over plain rows (dicts of
what ``observe.py`` read from the database): ``check(facts)`` returns
``(checked, [(key, counter-example)])``. No Odoo import: the functions are
tested on crafted rows in ``tests/test_simulation_invariants.py``.

All datetimes are naive UTC; ``facts["now"]`` is the end of the simulated
day being checked, ``facts["since"]`` its start (each promise is checked
once, on the day its deadline passes)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import holidays as holidays_lib

# Reasons a callback may close without the call being made (SPEC §3,
# consent ledger, contact fatigue).
CLOSE_REASONS = ("completed", "hung_up", "unreachable", "declined", "withdrawn", "fatigue")
# the scheduler wakes every hour: a step is judged one tick after its deadline
TICK = timedelta(hours=1)
NEW_CUSTOMER_DAYS = 7
COMPLAINT_DAYS = 3
SURVEY_HOURS = 24
SPOT_CHECK_CAP = 2
SPOT_CHECK_MONTHS = 12
SPOT_CHECK_DUE_DAY = 27
WORKDAY, HOLIDAY = "workday", "holiday"


@dataclass
class Result:
    name: str
    checked: int = 0
    broken: dict = field(default_factory=dict)
    first: str = ""

    def add(self, key, example):
        if key not in self.broken:
            self.broken[key] = example
            if not self.first:
                self.first = example


def _fmt(moment):
    return f"{moment:%Y-%m-%d %H:%M} UTC" if isinstance(moment, datetime) else str(moment)


def _due_now(deadline, facts):
    """The deadline passed during the day being checked."""
    return facts["since"] <= deadline < facts["now"]


def _withdrawn_at(facts, partner_id, moment, purpose="contact"):
    """Had the customer withdrawn (``purpose``) at ``moment``? The ledger's
    last decision before it says."""
    decision = None
    for when, purp, channel, dec in facts["consents"].get(partner_id, ()):
        if when > moment:
            break
        if purp == purpose and not channel:
            decision = dec
    return decision == "withdrawn"


def _withdrew_between(facts, partner_id, low, high, purposes=("contact",)):
    return any(
        low <= when <= high and purp in purposes and dec == "withdrawn"
        for when, purp, _channel, dec in facts["consents"].get(partner_id, ())
    )


def _callback_answers(callbacks, deadline, asks=()):
    """A callback called (first attempt) or planned by the deadline, or
    closed by then with a reason;
    a customer who asked on his personal page (before the deadline) to be
    called at a later moment is called then (000 §4.3: his time decides)."""
    for asked_at, wanted in asks:
        if asked_at <= deadline:
            deadline = max(deadline, wanted)
    for cb in callbacks:
        # called by the deadline: the promise is kept, even when the attempt
        # then moved the planned date past it (issue #30, complaint #62 of the
        # third round's CI leg: called at 09:06 its last day, retried at 13:00)
        if cb.get("first_attempt") and cb["first_attempt"] <= deadline:
            return True
        # planned by the deadline: the plan as it stood before the first
        # attempt (a retry moves the planned date; read at the end of the day,
        # a callback called a day late read "broken" and one never called
        # "kept": complaint #499 of the fourth round's full run)
        planned = cb.get("plan_before_call") or cb["planned_date"]
        if planned and planned <= deadline and cb["state"] != "cancelled":
            return True
        if (
            cb["state"] in ("done", "cancelled")
            and cb["close_reason"] in CLOSE_REASONS
            and (cb["done_date"] or cb["write_date"]) <= deadline
        ):
            return True
    return False


def new_customer_called_within_7_days(facts):
    """000 §4.1: a new customer's first callback within 7 days of the first
    purchase (planned by then, or closed with a recorded reason)."""
    by_partner = defaultdict(list)
    for cb in facts["callbacks"]:
        if cb["segment"] == "new_customer":
            by_partner[cb["partner_id"]].append(cb)
    checked, broken = 0, []
    for partner_id, first_order in sorted(facts["first_orders"].items()):
        deadline = first_order + timedelta(days=NEW_CUSTOMER_DAYS + 1)  # to the end of day 7
        if not _due_now(deadline, facts):
            continue
        checked += 1
        if _callback_answers(by_partner[partner_id], deadline, facts["asks"].get(partner_id, ())):
            continue
        if _withdrew_between(facts, partner_id, first_order, deadline) or _withdrawn_at(
            facts, partner_id, first_order
        ):
            continue
        broken.append(
            (
                partner_id,
                f"customer #{partner_id} first bought {_fmt(first_order)}: no new-customer "
                f"callback planned or closed with a reason by {_fmt(deadline)} "
                f"(callbacks: {_brief(by_partner[partner_id])})",
            )
        )
    return checked, broken


def complaint_called_within_3_days(facts):
    """000 §4.1: a complaint customer is called within 3 days of the
    complaint's resolution."""
    by_ticket = defaultdict(list)
    for cb in facts["callbacks"]:
        if cb["segment"] == "complaint" and cb["ticket_id"]:
            by_ticket[cb["ticket_id"]].append(cb)
    checked, broken = 0, []
    for ticket in facts["complaints"]:
        if not ticket["closed_date"]:
            continue
        deadline = ticket["closed_date"] + timedelta(days=COMPLAINT_DAYS + 1)
        if not _due_now(deadline, facts):
            continue
        checked += 1
        asks = facts["asks"].get(ticket["partner_id"], ())
        if _callback_answers(by_ticket[ticket["id"]], deadline, asks):
            continue
        if _withdrew_between(
            facts, ticket["partner_id"], ticket["closed_date"], deadline
        ) or _withdrawn_at(facts, ticket["partner_id"], ticket["closed_date"]):
            continue
        broken.append(
            (
                ticket["id"],
                f"complaint #{ticket['id']} solved {_fmt(ticket['closed_date'])}: no callback "
                f"planned or closed with a reason by {_fmt(deadline)}",
            )
        )
    return checked, broken


def _brief(callbacks):
    return (
        ", ".join(
            f"{cb['name']} {cb['state']}/{cb['close_reason'] or '-'} planned "
            f"{_fmt(cb['planned_date'])}"
            for cb in callbacks
        )
        or "none"
    )


def is_holiday_in(country_code, day):
    """The customer's country calendar, independent of the suite: China's
    official days from chinese-calendar (make-up workdays are workdays),
    other countries' public holidays from ``holidays``. Returns (holiday,
    verified): an unpublished Chinese year falls back to weekends, unverified."""
    if country_code == "CN":
        try:
            return chinese_calendar.is_holiday(day), True
        except NotImplementedError:
            return day.weekday() >= 5, False
    try:
        return (day.weekday() >= 5 or day in holidays_lib.country_holidays(country_code)), True
    except NotImplementedError:
        return day.weekday() >= 5, False


def in_window(moment, tz, country_code, windows):
    """(inside, verified) for a UTC ``moment`` in the customer's day:
    ``windows`` {"workday"/"holiday": [(from hour, to hour)]}."""
    local = moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(tz))
    holiday, verified = is_holiday_in(country_code, local.date())
    hour = local.hour + local.minute / 60 + local.second / 3600
    spans = windows[HOLIDAY if holiday else WORKDAY]
    return any(start <= hour < end for start, end in spans), verified


def no_call_outside_the_window(facts):
    """002 §9.4: no call attempted, nor planned, outside the customer's
    window (the customer's country calendar decides holiday or workday)."""
    checked, broken = 0, []
    for row in facts["attempts_today"]:
        if row["channel"] != "phone":
            continue
        checked += 1
        inside, verified = in_window(row["attempt_date"], row["tz"], row["country"], row["windows"])
        if not verified:
            facts.setdefault("unverified", set()).add(row["attempt_date"].date())
        if not inside:
            broken.append(
                (
                    ("attempt", row["id"]),
                    f"attempt #{row['id']} on {row['callback']} at {_fmt(row['attempt_date'])} "
                    f"({row['tz']}, {row['country']}): outside the customer's window",
                )
            )
    for row in facts["planned_today"]:
        if row["channel"] != "phone" or not row["planned_date"]:
            continue
        checked += 1
        inside, verified = in_window(row["planned_date"], row["tz"], row["country"], row["windows"])
        if not verified:
            facts.setdefault("unverified", set()).add(row["planned_date"].date())
        if not inside:
            broken.append(
                (
                    ("planned", row["id"], row["planned_date"]),
                    f"callback {row['name']} planned at {_fmt(row['planned_date'])} "
                    f"({row['tz']}, {row['country']}): outside the customer's window",
                )
            )
    return checked, broken


def no_contact_beyond_the_fatigue_cap(facts):
    """Contact fatigue: no customer called (at least one attempt) on more
    than ``cap`` callbacks within any ``days`` days, the customer's local
    days (a contact row: callback id, first attempt in naive UTC, company
    id, the customer's timezone). Callbacks of a rule that ignores fatigue,
    without a rule (asked for by the customer) and spot-checks (their own
    cap) are left out."""
    checked, broken = 0, []
    for partner_id, contacts in sorted(facts["contacts"].items()):
        cap, days = facts["fatigue"][contacts[0][2]]
        if not cap:
            continue
        today = [c for c in contacts if facts["since"] <= c[1] < facts["now"]]
        if not today:
            continue
        checked += 1
        local = {c[0]: _local_day(c[1], c[3] if len(c) > 3 else None) for c in contacts}
        for day in sorted({local[c[0]] for c in today}):
            low = day - timedelta(days=days - 1)
            inside = sorted(cid for cid, other in local.items() if low <= other <= day)
            if len(inside) > cap:
                broken.append(
                    (
                        (partner_id, facts["since"].date()),
                        f"customer #{partner_id} contacted on {len(inside)} callbacks within "
                        f"{days} days up to {day} (his local day; cap {cap}): callbacks {inside}",
                    )
                )
                break
    return checked, broken


def _local_day(moment, tz):
    """The day of ``moment`` (naive UTC) in ``tz`` (UTC when unknown)."""
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(tz or "UTC")).date()


def no_contact_after_a_withdrawal(facts):
    """Consent ledger: once a customer withdrew, no attempt, no open
    callback and no pending or sent survey (until he allows contacts again);
    the withdrawal acts at once (one scheduler tick of grace)."""
    checked, broken = 0, []
    for row in facts["attempts_today"]:
        checked += 1
        if _withdrawn_at(facts, row["partner_id"], row["attempt_date"]):
            broken.append(
                (
                    ("attempt", row["id"]),
                    f"attempt #{row['id']} on {row['callback']} at {_fmt(row['attempt_date'])}: "
                    f"customer #{row['partner_id']} had withdrawn his consent",
                )
            )
    grace = facts["now"] - TICK
    for cb in facts["open_callbacks"]:
        checked += 1
        if _withdrawn_at(facts, cb["partner_id"], grace) and cb["create_date"] <= grace:
            broken.append(
                (
                    ("open", cb["id"]),
                    f"callback {cb['name']} still {cb['state']} at {_fmt(facts['now'])}: "
                    f"customer #{cb['partner_id']} withdrew his consent "
                    f"({_last_withdrawal(facts, cb['partner_id'])})",
                )
            )
    for req in facts["surveys"]:
        checked += 1
        pending = req["state"] == "pending" and req["create_date"] <= grace
        if pending and (
            _withdrawn_at(facts, req["partner_id"], grace)
            or _withdrawn_at(facts, req["partner_id"], grace, "survey")
        ):
            broken.append(
                (
                    ("survey", req["id"]),
                    f"survey request #{req['id']} still pending at {_fmt(facts['now'])}: customer "
                    f"#{req['partner_id']} withdrew ({_last_withdrawal(facts, req['partner_id'])})",
                )
            )
        sent = req["sent_date"]
        if (
            sent
            and facts["since"] <= sent < facts["now"]
            and (
                _withdrawn_at(facts, req["partner_id"], sent)
                or _withdrawn_at(facts, req["partner_id"], sent, "survey")
            )
        ):
            broken.append(
                (
                    ("sent", req["id"]),
                    f"survey request #{req['id']} sent {_fmt(sent)} after customer "
                    f"#{req['partner_id']} withdrew",
                )
            )
    return checked, broken


def _last_withdrawal(facts, partner_id):
    dates = [
        when for when, _p, _c, dec in facts["consents"].get(partner_id, ()) if dec == "withdrawn"
    ]
    return f"withdrawn {_fmt(max(dates))}" if dates else "?"


def _month_index(day):
    return day.year * 12 + day.month - 1


def spot_checked_at_most_twice_in_12_months(facts):
    """002 §9: the same customer is not spot-checked more than twice in 12
    months. The spot-check is drawn once a month: no 12 consecutive monthly
    draws hold a customer more than twice (the draws of January 2025 and
    January 2026 are 13 months, not 12, whatever the hours of their
    callbacks' creation)."""
    by_partner = defaultdict(list)
    for partner_id, month in facts["spot_checks"]:
        by_partner[partner_id].append(month)
    checked, broken = 0, []
    for partner_id, months in sorted(by_partner.items()):
        checked += 1
        months.sort()
        for index in range(len(months) - SPOT_CHECK_CAP):
            first, last = months[index], months[index + SPOT_CHECK_CAP]
            if _month_index(last) - _month_index(first) < SPOT_CHECK_MONTHS:
                broken.append(
                    (
                        partner_id,
                        f"customer #{partner_id} spot-checked {SPOT_CHECK_CAP + 1} times in the "
                        f"draws of {first:%Y-%m} to {last:%Y-%m}",
                    )
                )
                break
    return checked, broken


def spot_check_drawn_by_the_27th(facts):
    """002: each month's spot-check list is ready by the 27th."""
    checked, broken = 0, []
    for company_id, day in facts["spot_check_due"]:
        checked += 1
        drawn = facts["spot_check_drawn"].get((company_id, day.replace(day=1)))
        if not drawn or drawn.date() > day:
            broken.append(
                (
                    (company_id, day),
                    f"company #{company_id}: the spot-check of {day:%Y-%m} "
                    f"{'drawn ' + _fmt(drawn) if drawn else 'not drawn'} (due {day})",
                )
            )
    return checked, broken


def survey_within_24_hours_of_a_solved_complaint(facts):
    """003 step 5: a survey within 24 hours of a complaint being solved, or
    skipped with its reason (surveyed recently, consent, no contact)."""
    requests = defaultdict(list)
    for req in facts["surveys"]:
        if req["ticket_id"]:
            requests[req["ticket_id"]].append(req)
    checked, broken = 0, []
    for ticket in facts["complaints"]:
        if not ticket["closed_date"]:
            continue
        deadline = ticket["closed_date"] + timedelta(hours=SURVEY_HOURS)
        if not _due_now(deadline + TICK, facts):
            continue
        checked += 1
        reqs = requests[ticket["id"]]
        if any(r["sent_date"] and r["sent_date"] <= deadline + TICK for r in reqs):
            continue
        if any(r["state"] in ("skipped_cap", "skipped_consent", "no_contact") for r in reqs):
            continue
        if ticket["do_not_call"]:
            continue
        broken.append(
            (
                ticket["id"],
                f"complaint #{ticket['id']} solved {_fmt(ticket['closed_date'])}: survey "
                + (
                    ", ".join(f"#{r['id']} {r['state']} sent {_fmt(r['sent_date'])}" for r in reqs)
                    or "never queued"
                ),
            )
        )
    return checked, broken


DEADLINES = (
    ("first_response_deadline", "first_response_date"),
    ("response_deadline", "response_date"),
    ("resolution_deadline", "closed_date"),
)


def complaint_deadlines_met_or_escalated(facts):
    """001/003: each complaint meets its three deadlines (first response,
    response, resolution), or is escalated (a breach reminder to the
    escalation owner, created after its first missed deadline and by one
    scheduler tick after this one) while the complaint is still open."""
    checked, broken = 0, []
    for ticket in facts["complaints"]:
        for deadline_field, done_field in DEADLINES:
            deadline = ticket[deadline_field]
            if not deadline or not _due_now(deadline + 2 * TICK, facts):
                continue
            checked += 1
            done = ticket[done_field]
            if done and done <= deadline + 2 * TICK:
                continue  # met, or met before the scheduler could see it missed
            if ticket["closed_date"] and ticket["closed_date"] <= deadline + 2 * TICK:
                continue
            # escalated: a breach reminder after the first missed deadline (while
            # it is open, the suite does not send a second one: the complaint
            # stays escalated)
            first_missed = min(
                ticket[d]
                for d, done_f in DEADLINES
                if ticket[d] and not (ticket[done_f] and ticket[done_f] <= ticket[d])
            )
            # a complaint reopened after the deadline (it was solved in time):
            # its breach is reminded by one tick after the reopening
            until = max([deadline, *(r for r in ticket.get("reopened", ()) if r > deadline)])
            if any(
                first_missed <= created <= until + 2 * TICK
                for created in ticket["breach_activities"]
            ):
                continue
            broken.append(
                (
                    (ticket["id"], deadline_field),
                    f"complaint #{ticket['id']} missed its {deadline_field.replace('_', ' ')} "
                    f"{_fmt(deadline)} and no breach reminder followed",
                )
            )
    return checked, broken


def one_overdue_digest_per_leader_and_day(facts):
    """The overdue callbacks reach each leader as one digest a day."""
    counts = defaultdict(int)
    for leader_id, day in facts["digests"]:
        counts[(leader_id, day)] += 1
    checked, broken = 0, []
    for (leader_id, day), count in sorted(counts.items()):
        checked += 1
        if count > 1:
            broken.append(
                ((leader_id, day), f"leader #{leader_id} got {count} overdue digests on {day}")
            )
    return checked, broken


def gapless_monthly_numbers(facts):
    """003 §3: record numbers year + month + serial (202405001), per
    company, without gap or duplicate."""
    serials = defaultdict(list)
    checked, broken = 0, []
    for company_id, name in facts["callback_names"]:
        checked += 1
        if not (name and len(name) >= 9 and name[:9].isdigit()):
            broken.append(((company_id, name), f"company #{company_id}: callback number {name!r}"))
            continue
        serials[(company_id, name[:6])].append(int(name[6:]))
    for (company_id, month), numbers in sorted(serials.items()):
        numbers.sort()
        if numbers != list(range(1, len(numbers) + 1)):
            seen, dup, gaps = set(), [], []
            for n in numbers:
                if n in seen:
                    dup.append(n)
                seen.add(n)
            gaps = [n for n in range(1, max(numbers) + 1) if n not in seen]
            broken.append(
                (
                    (company_id, month),
                    f"company #{company_id} month {month}: duplicates {dup[:5]}, gaps {gaps[:5]}",
                )
            )
    return checked, broken


def no_error_in_log(logs):
    """Every simulated day: no ERROR or traceback in Odoo's log."""
    return [((level, message[:80]), f"{level}: {message}") for level, message in logs]


# ----------------------------------------------------------------------
# The quarter's report, recomputed from the raw records
# ----------------------------------------------------------------------


def quarter_bounds(year, quarter, tz):
    """[start, end) of a quarter in naive UTC, from the company's timezone."""
    zone = ZoneInfo(tz)
    first = datetime(year, 3 * quarter - 2, 1, tzinfo=zone)
    following = (
        datetime(year + 1, 1, 1, tzinfo=zone)
        if quarter == 4
        else datetime(year, 3 * quarter + 1, 1, tzinfo=zone)
    )
    utc = ZoneInfo("UTC")
    return (
        first.astimezone(utc).replace(tzinfo=None),
        following.astimezone(utc).replace(tzinfo=None),
    )


def recompute_quarter(rows, start, end):
    """The report's figures, from raw rows: complaints received, first
    response on time (%), resolved on time (%), average callback score and
    spot-check score of the callbacks done in the quarter."""
    complaints = [t for t in rows["complaints"] if start <= t["complaint_date"] < end]

    def pct(values):
        return (round(sum(values) / len(values), 2) if values else None), len(values)

    response = [
        100.0
        if t["first_response_date"]
        and t["first_response_deadline"]
        and t["first_response_date"] <= t["first_response_deadline"]
        else 0.0
        for t in complaints
    ]
    resolution = []
    for t in complaints:
        closed = t["closed_date"] if t["closed"] else None
        on_time = bool(closed) and not (
            t["resolution_deadline"] and closed > t["resolution_deadline"]
        )
        resolution.append(100.0 if on_time else 0.0)
    done = [
        c
        for c in rows["callbacks"]
        if c["state"] == "done" and c["done_date"] and start <= c["done_date"] < end and c["score"]
    ]
    callback_scores = [c["score"] for c in done if not c["spot_check"]]
    spot_scores = [c["score"] for c in done if c["spot_check"]]
    return {
        "complaint_count": (len(complaints), None),
        "response_on_time": pct(response),
        "resolution_on_time": pct(resolution),
        "callback_score": pct(callback_scores),
        "spot_check_score": pct(spot_scores),
    }


def quarterly_report_tells_the_truth(facts):
    """003 step 6: each quarter's report figures equal the same figures
    recomputed from the raw records by independent code."""
    checked, broken = 0, []
    for (company_id, year, quarter), (reported, recomputed) in sorted(facts["quarters"].items()):
        for key, (value, count) in sorted(recomputed.items()):
            checked += 1
            got = reported.get(key)
            got_value, got_count = got if got else (None, None)
            same_value = (got_value is None and value is None) or (
                got_value is not None and value is not None and abs(got_value - value) < 0.01
            )
            if not same_value or (count is not None and got_count != count and value is not None):
                broken.append(
                    (
                        (company_id, year, quarter, key),
                        f"company #{company_id} {year}Q{quarter} {key}: report says "
                        f"{got_value} ({got_count}), the records say {value} ({count})",
                    )
                )
    return checked, broken


def service_level(rows, segment_days, end):
    """How soon the customers of each SOP-deadline segment were first
    called, from each callback's creation (at the purchase, at the
    complaint's solving): not a promise of the suite, which plans the call in
    time and reminds the lead of what is overdue, but a measure of the
    simulated team's capacity. ``rows``: (segment, created, first attempt or
    None, closed with a reason), naive UTC; a callback whose days had not
    all passed by ``end`` is left out. Returns {segment: (counted, called in
    time, closed with a reason in time, days of the longest wait)}."""
    result = {}
    for segment, days in segment_days.items():
        limit = timedelta(days=days)
        counted = in_time = closed = 0
        longest = 0.0
        for seg, created, first, closed_at in rows:
            if seg != segment or created + limit > end:
                continue
            counted += 1
            if first and first <= created + limit:
                in_time += 1
            elif not first and closed_at and closed_at <= created + limit:
                closed += 1
            wait = ((first or closed_at or end) - created).total_seconds() / 86400
            longest = max(longest, wait)
        result[segment] = (counted, in_time, closed, longest)
    return result


CHECKS = {
    "new customer called within 7 days": new_customer_called_within_7_days,
    "complaint customer called within 3 days": complaint_called_within_3_days,
    "no call outside the customer's window": no_call_outside_the_window,
    "no contact beyond the fatigue cap": no_contact_beyond_the_fatigue_cap,
    "no contact after a withdrawal": no_contact_after_a_withdrawal,
    "spot-checked at most twice in 12 months": spot_checked_at_most_twice_in_12_months,
    "the month's spot-check drawn by the 27th": spot_check_drawn_by_the_27th,
    "survey within 24 h of a solved complaint": survey_within_24_hours_of_a_solved_complaint,
    "complaint deadlines met or escalated": complaint_deadlines_met_or_escalated,
    "one overdue digest per leader and day": one_overdue_digest_per_leader_and_day,
    "gapless monthly numbers per company": gapless_monthly_numbers,
}
PROMISES = (
    *CHECKS,
    "the quarter's report tells the truth",
    "no ERROR or traceback in the log",
)
