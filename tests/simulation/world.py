# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The simulated company and its customers: set-up, then the world's own
acts (orders, tickets, complaints and their handling, survey answers, the
customers' own say on their personal page), drawn from one seeded
``random.Random``. Everything goes through the ORM and the suite's own
methods; records are always iterated in id order."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from odoo.fields import Command

CTX = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}

# (country code, timezone, language, share of a company's customers)
MARKETS = {
    "cn": (("CN", "Asia/Shanghai", "zh_CN", 0.75), ("CN", "Asia/Urumqi", "zh_CN", 0.25)),
    "intl": (
        ("FR", "Europe/Paris", "en_US", 0.5),
        ("US", "America/New_York", "en_US", 0.35),
        ("CN", "Asia/Shanghai", "zh_CN", 0.15),
    ),
}
PREFIXES = {"CN": 86, "FR": 33, "US": 1}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
FIRST = ("Claire", "James", "Emma", "Louis", "Olivia", "Noah", "Léa", "Ethan", "Chloé", "Mia")
LAST = ("Martin", "Walker", "Bernard", "Smith", "Dubois", "Johnson", "Moreau", "Brown")

# daily rates per customer
ORDER_RATE = 0.004
TICKET_RATE = 0.0015
COMPLAINT_SHARE = 0.5
PREFERENCE_RATE = 0.0004
WITHDRAW_RATE = 0.0003
COMEBACK_RATE = 0.02  # per withdrawn customer and day
ASK_CALLBACK_RATE = 0.0002
SURVEY_ANSWER_SHARE = 0.55
# share of complaints whose handling is late at each step
LATE_SHARE = 0.12


@dataclass
class World:
    rng: object
    env: object = None
    companies: list = field(default_factory=list)
    teams: dict = field(default_factory=dict)  # company id -> team
    leaders: dict = field(default_factory=dict)  # company id -> user
    agents: dict = field(default_factory=dict)  # company id -> [users]
    partners: dict = field(default_factory=dict)  # company id -> [partner ids]
    product_ids: list = field(default_factory=list)
    # the world's pending acts: (moment, seq, kind, payload), kept sorted
    agenda: list = field(default_factory=list)
    seq: int = 0
    withdrawn: dict = field(default_factory=dict)  # partner id -> company id
    asks: dict = field(default_factory=dict)  # partner id -> [(asked at, moment wanted)]
    survey_fate: dict = field(default_factory=dict)  # request id -> drawn fate
    answered: set = field(default_factory=set)
    counts: dict = field(default_factory=dict)

    def count(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    def plan(self, moment, kind, payload):
        self.seq += 1
        self.agenda.append((moment, self.seq, kind, payload))

    # records kept by the world (ids only are used after the set-up)
    RECORDS = ("companies", "teams", "leaders", "agents")

    def freeze(self):
        """The world's state for a checkpoint: plain data, records as ids
        (the random generator is the simulation's, saved with it)."""
        state = {
            name: value
            for name, value in vars(self).items()
            if name not in ("rng", "env", "_frozen_records") and name not in self.RECORDS
        }
        state["companies"] = ("res.company", [c.id for c in self.companies])
        state["teams"] = ("helpdesk.ticket.team", {k: v.id for k, v in self.teams.items()})
        state["leaders"] = ("res.users", {k: v.id for k, v in self.leaders.items()})
        state["agents"] = ("res.users", {k: [u.id for u in v] for k, v in self.agents.items()})
        return state

    def thaw(self, state):
        """The world of a checkpoint; its records are browsed by ``rebind``."""
        for name, value in state.items():
            if name not in self.RECORDS:
                setattr(self, name, value)
        self._frozen_records = {name: state[name] for name in self.RECORDS}

    def rebind(self, env):
        """The world's records in ``env`` (after ``thaw``)."""
        frozen = self._frozen_records
        model, ids = frozen["companies"]
        self.companies = [env[model].browse(i) for i in ids]
        model, ids = frozen["teams"]
        self.teams = {k: env[model].browse(v) for k, v in ids.items()}
        model, ids = frozen["leaders"]
        self.leaders = {k: env[model].browse(v) for k, v in ids.items()}
        model, ids = frozen["agents"]
        self.agents = {k: [env[model].browse(u) for u in v] for k, v in ids.items()}

    def due(self, now):
        """The acts due by ``now``, in time order (then creation order)."""
        self.agenda.sort()
        index = 0
        while index < len(self.agenda) and self.agenda[index][0] <= now:
            index += 1
        due, self.agenda = self.agenda[:index], self.agenda[index:]
        return due


def _pick_market(market, draw):
    """The market row the ``draw`` (0 to 1) falls in, by their shares."""
    for row in market:
        if draw < row[3]:
            return row
        draw -= row[3]
    return market[-1]


def _name(rng, lang):
    if lang == "zh_CN":
        return (
            rng.choice(SURNAMES)
            + rng.choice(GIVEN)
            + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        )
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _user(env, login, name, group, company, tz, lang):
    return (
        env["res.users"]
        .with_context(no_reset_password=True, **CTX)
        .create(
            {
                "name": name,
                "login": login,
                "email": f"{login}@example.com",
                "group_ids": [Command.set([env.ref(group).id])],
                "company_id": company.id,
                "company_ids": [Command.set([company.id])],
                "tz": tz,
                "lang": lang,
            }
        )
    )


def set_up(world, env, customers):
    """Two companies (Shanghai and Paris), a team each with its leader,
    five agents, the suite's rules for both, ``customers`` customers."""
    rng = world.rng
    env = env(context=dict(env.context, **CTX))
    world.env = env
    env["res.lang"]._activate_lang("zh_CN")
    cn, fr = env.ref("base.cn"), env.ref("base.fr")
    main = env.ref("base.main_company")
    main.write(
        {"name": "华东净水科技有限公司", "country_id": cn.id, "currency_id": env.ref("base.CNY").id}
    )
    main.resource_calendar_id.tz = "Asia/Shanghai"
    # install_mode: no chart of accounts (l10n module) installed for its country
    second = (
        env["res.company"]
        .with_context(install_mode=True)
        .create(
            {"name": "Aqua Europe SARL", "country_id": fr.id, "currency_id": env.ref("base.EUR").id}
        )
    )
    second.resource_calendar_id.tz = "Europe/Paris"
    env.user.write({"company_ids": [Command.link(second.id)], "tz": "Asia/Shanghai"})
    world.companies = [main, second]
    agent_group = "customer_callback.customer_callback_group_agent"
    lead_group = "customer_callback.customer_callback_group_supervisor"
    layout = {main: ("cn", 3, "Asia/Shanghai", "zh_CN"), second: ("eu", 2, "Europe/Paris", "en_US")}
    for company, (key, n_agents, tz, lang) in layout.items():
        leader = _user(env, f"lead_{key}", f"Lead {key.upper()}", lead_group, company, tz, lang)
        agents = [
            _user(env, f"agent_{key}{i}", f"Agent {key.upper()}{i}", agent_group, company, tz, lang)
            for i in range(1, n_agents + 1)
        ]
        team = env["helpdesk.ticket.team"].create(
            {
                "name": f"Care team {key.upper()}",
                "company_id": company.id,
                "user_ids": [Command.set([a.id for a in agents])],
                "user_id": leader.id,
            }
        )
        company.write(
            {
                "callback_supervisor_id": leader.id,
                "callback_default_team_id": team.id,
                "callback_quarterly_mail": True,
                "callback_spot_check_min_size": max(5, min(50, customers // 40)),
            }
        )
        world.teams[company.id] = team
        world.leaders[company.id] = leader
        world.agents[company.id] = agents
    # the suite's rules (installed for the first company) for both companies
    Rule = env["customer.callback.rule"].with_context(active_test=True)
    for rule in Rule.search([("company_id", "=", main.id)], order="id"):
        rule.team_id = world.teams[main.id]
        rule.copy(
            {"company_id": second.id, "team_id": world.teams[second.id].id, "name": rule.name}
        )
    products = env["product.product"].create(
        [
            {"name": "净水器 Water purifier", "list_price": 2999},
            {"name": "滤芯 Filter cartridge", "list_price": 299},
            {"name": "安装服务 Installation", "list_price": 199, "type": "service"},
        ]
    )
    world.product_ids = products.ids
    # customers: 70 % of the Shanghai company, 30 % of the Paris one
    vals_list = []
    owners = []
    for index in range(customers):
        company = main if index % 10 < 7 else second
        market = MARKETS["cn" if company == main else "intl"]
        code, tz, lang, _share = _pick_market(market, rng.random())
        country = env.ref(f"base.{code.lower()}")
        name = _name(rng, lang)
        vals_list.append(
            {
                "name": name,
                "tz": tz,
                "lang": lang,
                "country_id": country.id,
                "company_id": company.id,
                "phone": f"+{PREFIXES[code]} {1300000000 + index}",
                "email": f"customer{index}@example.com",
                "callback_vip": rng.random() < 0.04,
            }
        )
        owners.append(company.id)
    partners = env["res.partner"].create(vals_list)
    for partner, company_id in zip(partners, owners, strict=True):
        world.partners.setdefault(company_id, []).append(partner.id)
    env["res.company"]._cron_refresh_official_calendar()
    return world


# ----------------------------------------------------------------------
# The world's daily acts
# ----------------------------------------------------------------------


def _moment_in_day(rng, day, tz_offset_hours, start=9, end=21):
    """A UTC moment on local ``day`` between ``start`` and ``end`` o'clock."""
    local = datetime.combine(day, datetime.min.time()) + timedelta(
        minutes=rng.randrange(start * 60, end * 60)
    )
    return local - timedelta(hours=tz_offset_hours)


def plan_day(world, day):
    """Draw the day's acts of the world (moments in UTC)."""
    rng = world.rng
    for company in world.companies:
        offset = 8 if company == world.companies[0] else 1
        ids = world.partners[company.id]
        n = len(ids)
        for _i in range(_poisson(rng, n * ORDER_RATE)):
            world.plan(_moment_in_day(rng, day, offset), "order", (company.id, rng.choice(ids)))
        for _i in range(_poisson(rng, n * TICKET_RATE)):
            world.plan(
                _moment_in_day(rng, day, offset, 8, 22),
                "ticket",
                (company.id, rng.choice(ids), rng.random() < COMPLAINT_SHARE),
            )
        for _i in range(_poisson(rng, n * PREFERENCE_RATE)):
            world.plan(
                _moment_in_day(rng, day, offset, 7, 23), "prefs", (company.id, rng.choice(ids))
            )
        for _i in range(_poisson(rng, n * WITHDRAW_RATE)):
            world.plan(
                _moment_in_day(rng, day, offset, 7, 23), "stop", (company.id, rng.choice(ids))
            )
        for _i in range(_poisson(rng, n * ASK_CALLBACK_RATE)):
            world.plan(
                _moment_in_day(rng, day, offset, 7, 23), "ask", (company.id, rng.choice(ids))
            )
    for partner_id, company_id in sorted(world.withdrawn.items()):
        if rng.random() < COMEBACK_RATE:
            world.plan(_moment_in_day(rng, day, 8, 7, 23), "allow", (company_id, partner_id))


def _poisson(rng, lam):
    """A Poisson draw (Knuth), small means only."""
    import math  # noqa: PLC0415

    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def act(world, env, moment, kind, payload):
    """Carry out one act of the world at ``moment`` (the clock is there)."""
    handler = HANDLERS[kind]
    env = env(context=dict(env.context, **CTX))
    handler(world, env, moment, payload)
    world.count(kind)


def _order(world, env, moment, payload):
    company_id, partner_id = payload
    rng = world.rng
    lines = [
        Command.create({"product_id": pid, "product_uom_qty": rng.randint(1, 3)})
        for pid in rng.sample(world.product_ids, rng.randint(1, 2))
    ]
    order = (
        env["sale.order"]
        .with_company(company_id)
        .create({"partner_id": partner_id, "company_id": company_id, "order_line": lines})
    )
    order.action_confirm()


def _grades(env, company_id):
    return env["customer.complaint.grade"].search(
        [("company_id", "in", [company_id, False])], order="id"
    )


def _ticket(world, env, moment, payload):
    company_id, partner_id, complaint = payload
    rng = world.rng
    team = world.teams[company_id]
    owner = rng.choice(world.agents[company_id])
    vals = {
        "name": rng.choice(
            ("净水器漏水", "滤芯更换", "Delivery late", "App cannot connect", "安装预约")
        ),
        "description": "<p>Customer report</p>",
        "partner_id": partner_id,
        "company_id": company_id,
        "team_id": team.id,
        "user_id": owner.id,
    }
    if complaint:
        grade = rng.choice(_grades(env, company_id))
        vals.update(is_complaint=True, complaint_grade_id=grade.id)
    ticket = env["helpdesk.ticket"].with_company(company_id).create(vals)
    if complaint:
        world.count("complaint")
        _plan_complaint(world, ticket, moment)
    else:
        world.plan(moment + timedelta(hours=rng.uniform(4, 120)), "close", (ticket.id, owner.id))


def _late_or_not(rng, start, deadline):
    """The moment a step is done: mostly before ``deadline``, sometimes after."""
    span = max((deadline - start).total_seconds(), 600)
    factor = rng.uniform(1.05, 2.5) if rng.random() < LATE_SHARE else rng.uniform(0.15, 0.9)
    return start + timedelta(seconds=span * factor)


def _plan_complaint(world, ticket, moment):
    rng = world.rng
    owner = ticket.user_id.id
    first = _late_or_not(rng, moment, ticket.first_response_deadline or moment + timedelta(hours=1))
    response = max(first, _late_or_not(rng, moment, ticket.response_deadline or first))
    resolved = max(response, _late_or_not(rng, moment, ticket.resolution_deadline or response))
    world.plan(first + timedelta(minutes=1), "first_response", (ticket.id, owner))
    world.plan(response + timedelta(minutes=2), "respond", (ticket.id, owner))
    world.plan(resolved + timedelta(minutes=3), "close", (ticket.id, owner))


def _as(env, user_id):
    return env(user=user_id)


def _first_response(world, env, moment, payload):
    ticket_id, user_id = payload
    ticket = _as(env, user_id)["helpdesk.ticket"].browse(ticket_id)
    if ticket.stage_id.closed:
        return
    # what the simulated agent types, not a term of the suite
    ticket.message_post(  # pylint: disable=translation-required
        body="您好，我们已收到您的投诉，正在处理。 We received your complaint.",
        message_type="comment",
        subtype_xmlid="mail.mt_comment",
    )


def _respond(world, env, moment, payload):
    ticket_id, user_id = payload
    ticket = _as(env, user_id)["helpdesk.ticket"].browse(ticket_id)
    if ticket.stage_id.closed:
        return
    stage = ticket._complaint_stage("solution", ticket.company_id)
    if stage:
        ticket.stage_id = stage


def _close(world, env, moment, payload):
    ticket_id, user_id = payload
    ticket = _as(env, user_id)["helpdesk.ticket"].browse(ticket_id)
    if ticket.stage_id.closed:
        return
    stage = (
        ticket._complaint_stage("closed", ticket.company_id)
        if ticket.is_complaint
        else env["helpdesk.ticket.stage"].search(
            [("closed", "=", True), ("complaint_step", "=", False)], order="sequence, id", limit=1
        )
    )
    ticket.write({"stage_id": stage.id, "resolution_summary": "已解决 Solved on site."})


def _link(env, company_id, partner_id):
    partner = env["res.partner"].browse(partner_id)
    return env["customer.callback.link"]._for_partner(
        partner, "contact", env["res.company"].browse(company_id)
    )


def _prefs(world, env, moment, payload):
    company_id, partner_id = payload
    if partner_id in world.withdrawn:
        return
    rng = world.rng
    days = sorted(rng.sample(range(5), rng.randint(2, 5)))
    slot = rng.choice(("morning", "afternoon", "evening"))
    _link(env, company_id, partner_id)._customer_set_preferences(days, slot, "")


def _stop(world, env, moment, payload):
    company_id, partner_id = payload
    if partner_id in world.withdrawn:
        return
    _link(env, company_id, partner_id)._customer_stop("all")
    world.withdrawn[partner_id] = company_id


def _allow(world, env, moment, payload):
    company_id, partner_id = payload
    if world.withdrawn.pop(partner_id, None) is None:
        return
    _link(env, company_id, partner_id)._customer_allow("all")


def _ask(world, env, moment, payload):
    company_id, partner_id = payload
    if partner_id in world.withdrawn:
        return
    rng = world.rng
    partner = env["res.partner"].browse(partner_id)
    from odoo.addons.customer_callback.tools import call_window  # noqa: PLC0415

    zone = call_window.get_zone(partner.tz)
    local_now = call_window.to_local(moment, zone)
    wanted = (local_now + timedelta(days=rng.randint(1, 6))).replace(
        hour=rng.choice((10, 14, 16)), minute=0, second=0, microsecond=0, tzinfo=None
    )
    link = _link(env, company_id, partner_id)
    try:
        with env.cr.savepoint():
            callback = link._customer_ask_callback(wanted)
        world.asks.setdefault(partner_id, []).append((moment, callback.planned_date))
    except Exception as error:  # noqa: BLE001 - the page shows the message to the customer
        world.count(f"ask refused: {type(error).__name__}")


def answer_surveys(world, env, now):
    """Customers answer the surveys sent to them (some low), once each."""
    rng = world.rng
    env = env(context=dict(env.context, **CTX))
    Request = env["customer.callback.survey.request"]
    sent = Request.search([("state", "=", "sent"), ("user_input_id", "!=", False)], order="id")
    for request in sent:
        fate = world.survey_fate.get(request.id)
        if fate is None:
            if rng.random() < SURVEY_ANSWER_SHARE:
                when = request.sent_date + timedelta(hours=rng.uniform(0.5, 72))
                score = rng.choices((5, 4, 3, 2, 1), weights=(45, 30, 12, 8, 5))[0]
                fate = (when, score)
            else:
                fate = (None, None)
            world.survey_fate[request.id] = fate
        when, score = fate
        if when is None or when > now or request.id in world.answered:
            continue
        world.answered.add(request.id)
        user_input = request.user_input_id
        if user_input.state == "done":
            continue
        for question in user_input.survey_id.question_ids.sorted("id"):
            if (
                question.callback_role == "satisfaction"
                and question.question_type == "simple_choice"
            ):
                answer = question.suggested_answer_ids.filtered(
                    lambda a, score=score: a.answer_score == score
                )[:1]
                if answer:
                    user_input._save_lines(question, answer.id)
        user_input._mark_done()
        world.count("survey answered")
        if score <= 2:
            world.count("survey low")


HANDLERS = {
    "order": _order,
    "ticket": _ticket,
    "first_response": _first_response,
    "respond": _respond,
    "close": _close,
    "prefs": _prefs,
    "stop": _stop,
    "allow": _allow,
    "ask": _ask,
}
