# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The simulated agents and leads: they work *My workday* through the
suite's own methods (never SQL), in its order, one call after the other."""

from datetime import date, timedelta

from odoo.addons.customer_callback.tools import call_window, official_calendar

# Attempt outcome distribution per slot of the customer's day.
OUTCOMES = ("no_answer", "busy", "switched_off", "declined", "connected", "hung_up")
WEIGHTS = {
    "morning": (22, 8, 5, 5, 55, 5),
    "afternoon": (18, 10, 4, 5, 58, 5),
    "evening": (12, 6, 3, 8, 66, 5),
}
CALLS_PER_AGENT_AND_HOUR = 6
TAKEN_PER_HOUR = 4
PROBLEM_SHARE = 0.06
HANDOVER_SHARE = 0.05
SCORES = ((5, 4, 3, 2, 1), (50, 30, 12, 5, 3))


_WORKDAYS = {}


def is_workday(company, day):
    """The team's own working day: China's official calendar for the
    Shanghai team (make-up workdays included), weekdays elsewhere."""
    key = (company.id, day)
    if key not in _WORKDAYS:
        _WORKDAYS[key] = _is_workday(company, day)
    return _WORKDAYS[key]


def _is_workday(company, day):
    country = company.country_id.code or ""
    if country == "CN":
        return not official_calendar.holiday_checker("CN")(day)
    return day.weekday() < 5


_ZONES = {}


_OFFICIAL_HOLIDAYS = {}


def is_official_holiday(company, day):
    """A day of an official holiday period of the company's country (the
    Spring Festival's eight days, weekends inside them included); not an
    ordinary weekend."""
    key = (company.country_id.code or "", day.year)
    if key not in _OFFICIAL_HOLIDAYS:
        try:
            days = official_calendar.official_year(key[0], day.year).holidays
        except (official_calendar.YearNotPublished, official_calendar.CountryUnknown):
            days = {}
        _OFFICIAL_HOLIDAYS[key] = frozenset(days)
    return day in _OFFICIAL_HOLIDAYS[key]


def working_now(user, company, now, agents=()):
    """Is ``user`` at work at ``now``: 09:00-19:00 on the team's working days.
    On an official holiday one agent of ``agents`` (the company's, by turns
    from day to day) is on duty (值班) from 10:00 to 16:00: the SOP gives
    holidays their own call windows (002 §9.4), so the team staffs them.
    Without a duty, the customers of the Spring Festival's first days were
    first called on its ninth day, past the 7 days of their new-customer
    call (customer #545 of the 13-month run)."""
    # the users' timezones do not change in the simulation: read once (each
    # hour's new cursor would read them again, a query per user and hour)
    if user.id not in _ZONES:
        _ZONES[user.id] = call_window.get_zone(user.tz or "Asia/Shanghai")
    local = call_window.to_local(now, _ZONES[user.id])
    day = local.date()
    if is_workday(company, day):
        return 9 <= local.hour < 19
    if agents and is_official_holiday(company, day):
        on_duty = agents[day.toordinal() % len(agents)]
        return on_duty.id == user.id and 10 <= local.hour < 16
    return False


def work_hour(sim, env, user, company):
    """One hour of an agent's (or a lead's) workday: the callable calls of
    *My workday*, in its order; each call recorded within minutes. A
    generator of the minutes each step takes: the simulation runs the
    hour's agents side by side and moves the clock (``work_side_by_side``)."""
    rng = sim.rng
    uenv = env(user=user.id)
    Callback = uenv["customer.callback"]
    # first the team's queue (the list's "My team's queue" filter): the
    # calls due within the hour that nobody took yet, taken by the agent
    queue = Callback.search(
        [
            ("user_id", "=", False),
            ("team_id.user_ids", "in", user.id),
            ("state", "in", ("draft", "planned")),
            ("planned_date", "<=", sim.clock.now() + timedelta(hours=1)),
        ],
        order="planned_date, id",
        limit=TAKEN_PER_HOUR,
    )
    for callback in queue:
        try:
            with uenv.cr.savepoint():
                callback.write({"user_id": user.id})
            sim.count("taken from the team queue")
        except Exception as error:  # noqa: BLE001 - a refusal the agent reads
            sim.note(f"{user.login} take: {type(error).__name__}: {error}"[:200])
    if not Callback.search_count(
        [("user_id", "=", user.id), ("state", "in", ("draft", "planned", "in_progress"))], limit=1
    ):
        return  # an empty list: the agent does other work this hour
    data = uenv["customer.callback.workday"].get_workday_data()
    rows = [r for r in data["callbacks"] + data["spot_checks"] if r["callable_now"]]
    for row in rows[:CALLS_PER_AGENT_AND_HOUR]:
        callback = Callback.browse(row["id"])
        # the list was read at the start of the hour: before dialling, the
        # agent looks at the customer's time again (the form's "callable now")
        callback.invalidate_recordset()
        if callback.state not in ("planned", "in_progress", "draft") or not callback.callable_now:
            continue
        slot = call_window.slot_at(
            sim.clock.now(), callback._tz(), callback.company_id._callback_slot_bounds()
        )
        result = rng.choices(OUTCOMES, weights=WEIGHTS.get(slot, WEIGHTS["afternoon"]))[0]
        try:
            with uenv.cr.savepoint():
                callback.action_start()
                callback.with_context(attempt_result=result).action_log_attempt()
        except Exception as error:  # noqa: BLE001 - a refusal the agent reads
            sim.note(f"{user.login}: {type(error).__name__}: {error}"[:200])
            continue
        sim.count(f"attempt {result}")
        yield rng.randint(2, 4)
        callback.invalidate_recordset()
        if result == "connected" and callback.state not in ("done", "cancelled"):
            _record(sim, uenv, callback)
        yield rng.randint(1, 3)


def _record(sim, uenv, callback):
    """The agent records the call (within 5 minutes): summary, score,
    sometimes a problem raised as a ticket or a hand-over, then closes."""
    rng = sim.rng
    score = rng.choices(*SCORES)[0]
    vals = {
        "summary": "客户反馈使用正常 The customer is satisfied overall.",
        "score": score,
        "feedback": "水质不错" if score > 2 else "安装师傅迟到，滤芯有异味 Technician late, odour.",
    }
    with uenv.cr.savepoint():
        callback.write(vals)
    if rng.random() < PROBLEM_SHARE:
        category = uenv["helpdesk.ticket.category"].search([], order="id", limit=1)
        if category:
            try:
                with uenv.cr.savepoint():
                    callback.write(
                        {
                            "problem_category_id": category.id,
                            "promised_date": sim.clock.now() + timedelta(hours=2),
                        }
                    )
                    callback.action_create_ticket()
                sim.count("problem raised")
            except Exception as error:  # noqa: BLE001
                sim.note(f"raise problem: {type(error).__name__}: {error}"[:200])
    if rng.random() < HANDOVER_SHARE:
        try:
            with uenv.cr.savepoint():
                callback.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary="交接售后 Hand over to after-sales",
                    user_id=sim.world.leaders[callback.company_id.id].id,
                )
            sim.count("handover")
        except Exception as error:  # noqa: BLE001
            sim.note(f"handover: {type(error).__name__}: {error}"[:200])
    try:
        with uenv.cr.savepoint():
            callback.action_done()
        sim.count("callback done")
    except Exception as error:  # noqa: BLE001
        sim.note(f"done: {type(error).__name__}: {error}"[:200])


def lead_day(sim, env, company, day):
    """The lead's monthly spot-check: drawn on the 20th (or the next working
    day, never after the 27th), rebalanced on the 24th."""
    leader = sim.world.leaders[company.id]
    lenv = env(user=leader.id)
    Batch = lenv["customer.callback.spot.check"]
    month_start = date(day.year, day.month, 1)
    batch = Batch.search([("company_id", "=", company.id), ("date_from", "=", month_start)])
    if not batch and (20 <= day.day <= 27) and (is_workday(company, day) or day.day == 27):
        try:
            with lenv.cr.savepoint():
                batch = Batch.with_company(company).create(
                    {
                        "company_id": company.id,
                        "date_from": month_start,
                        "team_id": sim.world.teams[company.id].id,
                        "leader_id": leader.id,
                        "caller_ids": [(6, 0, [a.id for a in sim.world.agents[company.id]])],
                        "seed": sim.seed,
                    }
                )
                wizard = (
                    lenv["customer.callback.spot.check.wizard"]
                    .with_company(company)
                    .with_context(default_spot_check_id=batch.id)
                    .create({})
                )
                wizard.action_sample()
            sim.count("spot-check drawn")
        except Exception as error:  # noqa: BLE001
            sim.note(f"spot-check draw: {type(error).__name__}: {error}"[:300])
    elif batch and day.day == 24:
        try:
            with lenv.cr.savepoint():
                wizard = (
                    lenv["customer.callback.spot.check.rebalance"]
                    .with_company(company)
                    .with_context(default_spot_check_id=batch.id)
                    .create({})
                )
                if wizard.call_count:
                    wizard.action_rebalance()
                    sim.count("spot-check rebalanced")
        except Exception as error:  # noqa: BLE001
            sim.note(f"rebalance: {type(error).__name__}: {error}"[:300])
