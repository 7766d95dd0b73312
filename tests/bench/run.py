#!/usr/bin/env python3
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it prints its figures and commits each step's data, as a
# real database would hold it.
# pylint: disable=print-used,invalid-commit
"""Scale benchmark of the callback suite (not part of the test run).

    python3 tests/bench/run.py --scale small     # about a minute
    python3 tests/bench/run.py --scale full      # 100,000 partners, 1,000,000 callbacks

It creates a throw-away database (``--db``, default ``cc_bench``; dropped unless
``--keep``), installs the addons without demo data, fills it with bulk SQL and
prints one line per figure: size, wall time, SQL queries (Odoo's cursor
counter) and the ratio to a baseline measured in the same run.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date, datetime, timedelta

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCALES = {
    "small": {"partners": 5000, "orders": 7500, "tickets": 2500, "callbacks": 50000},
    "full": {"partners": 100000, "orders": 150000, "tickets": 50000, "callbacks": 1000000},
}
TIMEZONES = ("Asia/Shanghai", "Europe/Paris", "America/New_York")


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    for key in ("partners", "orders", "tickets", "callbacks"):
        parser.add_argument(f"--{key}", type=int, help=f"override the number of {key}")
    parser.add_argument("--db", default="cc_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--loop-sample", type=int, default=100, help="partners timed in the per-partner baseline"
    )
    return parser.parse_args()


def create_database(db, addons):
    subprocess.run(["dropdb", "--if-exists", db], check=True)
    print(f"# installing {addons} into {db} (no demo data) ...", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-d",
            db,
            f"--addons-path={REPO}",
            "-i",
            addons,
            "--stop-after-init",
            "--log-level=warn",
            "--http-interface=127.0.0.1",
        ],
        check=True,
    )


def suite_addons():
    """The suite's addons the benchmark installs: the core, the high-frequency
    terms (the quarterly analysis' words, cut out of the core in 19.0.2.0.0),
    the sales orders (cut out in 19.0.3.0.0), the surveys and the reports (the
    quarterly analysis, the XLSX exports, the dashboard: cut out in 19.0.4.0.0;
    their bridges install with them), those present in this tree."""
    return ",".join(
        addon
        for addon in (
            "customer_callback",
            "customer_callback_term",
            "customer_callback_sale",
            "customer_callback_survey",
            "customer_callback_report",
        )
        if os.path.exists(os.path.join(REPO, addon, "__manifest__.py"))
    )


def open_registry(db, create=True):
    """The registry of ``db``, with the suite installed first (no demo data)
    unless ``create`` is false (a database kept before)."""
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    if create:
        create_database(db, suite_addons())
    odoo.tools.config.parse_config(
        ["-d", db, f"--addons-path={REPO}", "--log-level=warn", "--http-interface=127.0.0.1"]
    )
    return Registry(db)


@contextmanager
def measure(cr):
    start_queries = cr.sql_log_count
    start = time.perf_counter()
    result = {}
    yield result
    result["seconds"] = time.perf_counter() - start
    result["queries"] = cr.sql_log_count - start_queries


def line(number, name, size, seconds, queries=None, baseline=None, goal="", extra=""):
    ratio = f"{seconds / baseline:.2f}x baseline" if baseline else "-"
    queries_text = f"{queries} queries" if queries is not None else "-"
    print(
        f"{number} | {name} | {size} | {seconds:.3f} s | {queries_text} | {ratio} | {goal} {extra}".rstrip(),
        flush=True,
    )


# ----------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------


def fill(env, sizes):
    cr = env.cr
    company = env.company
    company.resource_calendar_id.tz = "Asia/Shanghai"
    print(f"# filling: {sizes}", flush=True)
    cr.execute(
        """INSERT INTO res_partner (name, complete_name, tz, active, type, lang, company_id,
                                    create_date, write_date, autopost_bills, phone)
           SELECT 'Bench customer ' || g, 'Bench customer ' || g, (%s::varchar[])[1 + g %% 3], TRUE,
                  'contact', 'en_US', NULL, now() - interval '3 years', now(), 'ask', '+86 10 ' || g
             FROM generate_series(1, %s) g""",
        [list(TIMEZONES), sizes["partners"]],
    )
    cr.execute("SELECT min(id), max(id) FROM res_partner WHERE name LIKE 'Bench customer %%'")
    first_partner, last_partner = cr.fetchone()
    # Confirmed orders over two years.
    cr.execute(
        """INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id,
                                   company_id, date_order, state, create_date, write_date)
           SELECT 'BENCH' || g, p, p, p, %s,
                  now() - (random() * interval '730 days'), 'sale', now(), now()
             FROM (SELECT g, %s + floor(random() * (%s - %s + 1))::int AS p
                     FROM generate_series(1, %s) g) s""",
        [company.id, first_partner, last_partner, first_partner, sizes["orders"]],
    )
    cr.execute(
        """UPDATE res_partner p SET first_purchase_date = s.first, last_order_date = s.last
             FROM (SELECT partner_id, min(date_order)::date AS first, max(date_order)::date AS last
                     FROM sale_order WHERE state = 'sale' GROUP BY partner_id) s
            WHERE s.partner_id = p.id"""
    )
    # Some VIPs and birthdays.
    cr.execute(
        "UPDATE res_partner SET callback_vip = TRUE WHERE id BETWEEN %s AND %s AND id %% 50 = 0",
        [first_partner, last_partner],
    )
    cr.execute(
        """UPDATE res_partner SET birthday = DATE '1980-01-01' + (id %% 365)
            WHERE id BETWEEN %s AND %s AND id %% 4 = 0""",
        [first_partner, last_partner],
    )
    # Helpdesk tickets, 20 % complaints, mostly closed.
    team = env["helpdesk.ticket.team"].create({"name": "Bench team"})
    agents = env["res.users"].create(
        [
            {
                "name": f"Bench agent {i}",
                "login": f"bench_agent_{i}",
                "group_ids": [
                    (6, 0, [env.ref("customer_callback.customer_callback_group_agent").id])
                ],
            }
            for i in range(20)
        ]
    )
    team.user_ids = agents
    closed = env["helpdesk.ticket.stage"].search([("closed", "=", True)], limit=1)
    open_stage = env["helpdesk.ticket.stage"].search([("closed", "=", False)], limit=1)
    cr.execute(
        """INSERT INTO helpdesk_ticket (number, name, description, company_id, partner_id, team_id,
                                        user_id, stage_id, is_complaint, closed_date, active,
                                        create_date, write_date, priority)
           SELECT 'BT' || g, 'Bench ticket ' || g, '<p>bench</p>', %s, p, %s,
                  (%s::int[])[1 + g %% %s], CASE WHEN g %% 7 < 5 THEN %s ELSE %s END,
                  g %% 5 = 0, CASE WHEN g %% 7 < 5 THEN now() - (random() * interval '60 days') END,
                  TRUE, now() - interval '70 days', now(), '1'
             FROM (SELECT g, %s + floor(random() * (%s - %s + 1))::int AS p
                     FROM generate_series(1, %s) g) s""",
        [
            company.id,
            team.id,
            agents.ids,
            len(agents),
            closed.id,
            open_stage.id,
            first_partner,
            last_partner,
            first_partner,
            sizes["tickets"],
        ],
    )
    env.invalidate_all()
    return {
        "first_partner": first_partner,
        "last_partner": last_partner,
        "team": team,
        "agents": agents,
    }


def fill_callbacks(env, data, count):
    """Existing callbacks with attempts, for the read-side figures."""
    cr = env.cr
    agents = data["agents"]
    states = ["done"] * 6 + ["unreachable", "declined", "cancelled", "planned"]
    cr.execute(
        """INSERT INTO customer_callback (name, company_id, partner_id, segment, user_id, team_id,
                                          channel, planned_date, deadline, state, score, active,
                                          done_date, create_date, write_date)
           SELECT 'B' || g, %s, p, 'usage', (%s::int[])[1 + g %% %s], %s, 'phone',
                  planned, planned::date + 3, st,
                  CASE WHEN st = 'done' THEN 1 + g %% 5 ELSE 0 END, TRUE,
                  CASE WHEN st = 'done' THEN planned + interval '1 hour' END, planned, planned
             FROM (SELECT g, %s + floor(random() * (%s - %s + 1))::int AS p,
                          now() - (random() * interval '720 days') + interval '10 days' AS planned,
                          (%s::varchar[])[1 + floor(random() * 10)::int] AS st
                     FROM generate_series(1, %s) g) s""",
        [
            env.company.id,
            agents.ids,
            len(agents),
            data["team"].id,
            data["first_partner"],
            data["last_partner"],
            data["first_partner"],
            states,
            count,
        ],
    )
    cr.execute(
        """INSERT INTO customer_callback_attempt (callback_id, company_id, attempt_date, channel,
                                                  result, slot, in_window, user_id, create_date, write_date)
           SELECT id, company_id, planned_date, 'phone',
                  CASE WHEN state = 'done' THEN 'connected' ELSE 'no_answer' END,
                  'morning', TRUE, user_id, planned_date, planned_date
             FROM customer_callback WHERE name LIKE 'B%%'"""
    )
    cr.execute("ANALYZE customer_callback")
    cr.execute("ANALYZE customer_callback_attempt")
    env.invalidate_all()


# ----------------------------------------------------------------------
# Figures
# ----------------------------------------------------------------------


def naive_generation(env, partner_ids):
    """Baseline (b): what a typical addon does, one partner at a time."""
    Callback = env["customer.callback"]
    rules = env["customer.callback.rule"].search(
        [
            (
                "trigger",
                "in",
                ("first_order", "order", "no_recent_order", "periodic", "birthday", "anniversary"),
            )
        ]
    )
    today = date.today()
    for partner in env["res.partner"].browse(partner_ids):
        for rule in rules:
            orders = env["sale.order"].search(
                [("partner_id", "=", partner.id), ("state", "=", "sale")], order="date_order"
            )
            if rule.trigger == "first_order":
                anchors = [(orders[:1].date_order.date(), "first")] if orders else []
            elif rule.trigger == "order":
                anchors = [(o.date_order.date(), f"SO{o.id}") for o in orders]
            else:
                anchors = [(today, "naive")]
            for anchor, key in anchors:
                start = anchor + timedelta(days=rule.offset_days)
                if not (
                    start <= today + timedelta(days=7)
                    and start + timedelta(days=rule.window_days) >= today
                ):
                    continue
                if Callback.search_count(
                    [
                        ("partner_id", "=", partner.id),
                        ("rule_id", "=", rule.id),
                        ("period_key", "=", key),
                    ]
                ):
                    continue
                Callback.create(
                    {
                        "partner_id": partner.id,
                        "rule_id": rule.id,
                        "segment": rule.segment,
                        "period_key": key,
                        "state": "planned",
                        "planned_date": datetime.now(),
                        "deadline": start + timedelta(days=rule.window_days),
                    }
                )


def evaluate_all(cr, generator, day):
    """The scheduled action's loop for ``day`` (another day than today)."""
    while True:
        processed, remaining = generator._generate_next_batch(batch_size=10000, today=day)
        cr.commit()
        if not processed or not remaining:
            break


def new_customers(env, data, count):
    """``count`` new customers, each with an order confirmed now."""
    cr = env.cr
    cr.execute(
        """INSERT INTO res_partner (name, complete_name, tz, active, type, lang, create_date,
                                    write_date, autopost_bills, phone)
           SELECT 'New customer ' || g, 'New customer ' || g, 'Asia/Shanghai', TRUE, 'contact',
                  'en_US', now(), now(), 'ask', '+86 20 ' || g
             FROM generate_series(1, %s) g RETURNING id""",
        [count],
    )
    ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id,
                                   company_id, date_order, state, create_date, write_date)
           SELECT 'NEW' || p, p, p, p, %s, now(), 'sale', now(), now() FROM unnest(%s) p""",
        [env.company.id, ids],
    )
    cr.execute(
        "UPDATE res_partner SET first_purchase_date = now()::date, last_order_date = now()::date"
        " WHERE id = ANY(%s)",
        [ids],
    )
    cr.commit()
    env.invalidate_all()


def run(args):
    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    sizes = dict(SCALES[args.scale])
    for key in sizes:
        if getattr(args, key):
            sizes[key] = getattr(args, key)
    registry = open_registry(args.db)
    print(f"# machine: {os.cpu_count()} cores; date {date.today()}; scale {args.scale}", flush=True)
    print("figure | name | size | wall | queries | ratio | goal", flush=True)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        data = fill(env, sizes)
        cr.commit()
        partners = sizes["partners"]

        # 1. generation from empty, through the scheduled action's method
        generator = env["customer.callback.generator"]
        with measure(cr) as gen:
            generator._cron_generate_callbacks()
        created = env["customer.callback"].search_count([])
        # baseline (a): the same rows written again into the same table (same
        # indexes, foreign keys and WAL) by one hand-written INSERT ... SELECT
        cr.execute("CREATE TEMP TABLE cb_floor AS SELECT * FROM customer_callback")
        cr.execute("DELETE FROM customer_callback")
        cr.commit()
        with measure(cr) as floor:
            cr.execute("INSERT INTO customer_callback SELECT * FROM cb_floor")
            cr.commit()
        cr.execute("DROP TABLE cb_floor")
        # what autovacuum does after bulk changes: fresh planner statistics
        cr.execute("ANALYZE customer_callback")
        cr.execute("ANALYZE res_partner")
        cr.execute("ANALYZE sale_order")
        # baseline (b): a per-partner ORM loop, timed on a sample and scaled
        sample_ids = list(
            range(data["first_partner"], data["first_partner"] + min(args.loop_sample, partners))
        )
        cr.execute("SAVEPOINT naive")
        with measure(cr) as naive:
            naive_generation(env, sample_ids)
        cr.execute("ROLLBACK TO SAVEPOINT naive")
        env.invalidate_all()
        naive_total = naive["seconds"] * partners / len(sample_ids)
        line(
            "1",
            "generate callbacks from empty",
            f"{partners} partners, {created} created",
            gen["seconds"],
            gen["queries"],
            goal="goal <= 120 s",
            extra=f"| {gen['queries'] / partners * 100:.2f} queries/100 partners"
            f" | {gen['seconds'] / max(created, 1) * 1000:.2f} s per 1,000 callbacks",
        )
        line(
            "1a",
            "  floor: INSERT ... SELECT of the same rows",
            f"{created} rows",
            floor["seconds"],
            floor["queries"],
            extra=f"| generation = {gen['seconds'] / max(floor['seconds'], 1e-6):.1f}x floor",
        )
        line(
            "1b",
            "  per-partner ORM loop (extrapolated)",
            f"{len(sample_ids)} sampled",
            naive_total,
            None,
            extra=f"| generation is {naive_total / gen['seconds']:.1f}x faster (goal >= 50x)",
        )
        cr.commit()

        # 2. second run: nothing to do
        with measure(cr) as again:
            generator._cron_generate_callbacks()
        after = env["customer.callback"].search_count([])
        line(
            "2",
            "second run of the same cron, same day",
            f"{partners} partners, {after - created} created",
            again["seconds"],
            again["queries"],
            goal="goal <= 3 s",
            extra=f"| {again['queries'] / partners * 100:.2f} queries/100 partners (goal <= 2)",
        )
        # 2b. the next day: every partner is evaluated again (the daily steady state)
        tomorrow = date.today() + timedelta(days=1)
        with measure(cr) as daily:
            evaluate_all(cr, generator, tomorrow)
        daily_created = env["customer.callback"].search_count([]) - after
        line(
            "2b",
            "next day's run, every partner evaluated again",
            f"{partners} partners, {daily_created} created",
            daily["seconds"],
            daily["queries"],
            goal="goal <= 3 s",
            extra=f"| {daily['queries'] / partners * 100:.2f} queries/100 partners (goal <= 2)",
        )
        # 3. a day's increment: 1,000 new customers with a confirmed order
        new_customers(env, data, 1000)
        before = env["customer.callback"].search_count([])
        with measure(cr) as increment:
            evaluate_all(cr, generator, tomorrow)
        line(
            "3",
            "a day's increment: 1,000 new customers with a confirmed order",
            f"{partners + 1000} partners, "
            f"{env['customer.callback'].search_count([]) - before} created",
            increment["seconds"],
            increment["queries"],
            goal="goal <= 5 s",
        )

        # existing callbacks for the read side
        print(f"# adding {sizes['callbacks']} existing callbacks with attempts ...", flush=True)
        fill_callbacks(env, data, sizes["callbacks"])
        cr.commit()

        # 5. "My callbacks": the list view's web_search_read, as an agent
        agent = data["agents"][0]
        Callback = (
            env["customer.callback"]
            .with_user(agent)
            .with_context(lang="en_US", tz="Asia/Shanghai", uid=agent.id, bin_size=True)
        )
        view = Callback.get_views([(False, "list")])["views"]["list"]
        spec = {
            name: {} for name in Callback.fields_get(attributes=["type"]) if name in view["arch"]
        }
        for name in ("partner_id", "user_id", "team_id", "rule_id", "company_id"):
            if name in spec:
                spec[name] = {"fields": {"display_name": {}}}
        spec.pop("activity_ids", None)
        today = date.today()
        domain = [
            ("user_id", "=", agent.id),
            ("state", "in", ("draft", "planned", "in_progress")),
            "|",
            ("planned_date", "<", (today + timedelta(days=1)).isoformat()),
            ("deadline", "<", today.isoformat()),
        ]
        timings, queries = [], []
        for _i in range(20):
            with measure(cr) as one:
                # as the web client's list sends it (count_limit = 10,000 + 1)
                Callback.web_search_read(
                    domain, spec, limit=80, order="planned_date, id", count_limit=10001
                )
            env.invalidate_all()
            timings.append(one["seconds"])
            queries.append(one["queries"])
        line(
            "5",
            "My callbacks list (web_search_read, 80 rows)",
            f"{sizes['callbacks']} callbacks",
            statistics.median(timings),
            int(statistics.median(queries)),
            goal="goal <= 0.050 s median",
        )
        cr.execute(
            "EXPLAIN ANALYZE SELECT id FROM customer_callback WHERE active AND user_id = %s AND state IN ('draft','planned','in_progress') "
            "AND (planned_date < %s OR deadline < %s) ORDER BY planned_date, id LIMIT 80",
            [agent.id, today + timedelta(days=1), today],
        )
        print("# EXPLAIN ANALYZE (My callbacks):")
        for (row,) in cr.fetchall():
            print("#   " + row)

        # 7. overdue escalation over the existing callbacks (a backlog at once):
        # one digest and one activity per team leader and day. The expiry of
        # the long overdue ones is switched off for this figure (every overdue
        # callback is escalated) and measured on its own as 7c.
        Stale = env["customer.callback"]
        today = date.today()
        companies = env["res.company"].search([])
        cancel_days = {company: company.callback_overdue_cancel_days for company in companies}
        companies.write({"callback_overdue_cancel_days": 0})
        overdue_count = Stale.search_count(
            [("state", "in", ("draft", "planned", "in_progress")), ("deadline", "<", today)]
        )
        activities_before = env["mail.activity"].search_count([])
        env.invalidate_all()
        with measure(cr) as stale:
            Stale._escalate_overdue_step(today=today)
        activities = env["mail.activity"].search_count([]) - activities_before
        digests = env["customer.callback.escalation"].search([("date", "=", today)])
        leaders = len(digests.leader_id)
        counted = sum(digests.mapped("overdue_count"))
        line(
            "7",
            "overdue escalation cron: the digests (one per leader and day)",
            f"{sizes['callbacks']} callbacks, {overdue_count} overdue, {leaders} leaders",
            stale["seconds"],
            stale["queries"],
            goal="goal <= 10 s, <= 1 activity per leader per day",
            extra=f"| {activities} activities for {leaders} leaders, {counted} overdue counted "
            f"({'met' if stale['seconds'] <= 10 and activities <= leaders else 'NOT met'})",
        )
        env.invalidate_all()
        with measure(cr) as stale_again:
            Stale._escalate_overdue_step(today=today)
        line(
            "7b",
            "  second run the same day (the same figures: nothing written)",
            f"{env['mail.activity'].search_count([]) - activities_before - activities} "
            "activities added",
            stale_again["seconds"],
            stale_again["queries"],
        )
        for company, days in cancel_days.items():
            company.callback_overdue_cancel_days = days
        expiring = Stale.search_count(Stale._stale_expiry_domain(today))
        env.invalidate_all()
        with measure(cr) as expiry:
            while Stale._close_stale_batch(batch_size=5000, today=today)[0]:
                pass
        line(
            "7c",
            "  expiry of the long overdue backlog (state change and a chatter line each)",
            f"{expiring} callbacks past {sorted(set(cancel_days.values()))} days",
            expiry["seconds"],
            expiry["queries"],
            extra=f"| {expiry['seconds'] / max(expiring, 1) * 1000:.2f} s per 1,000",
        )
        cr.rollback()
        extra_figures(env, data, sizes)
    if not args.keep:
        odoo.sql_db.close_all()
        subprocess.run(["dropdb", "--if-exists", args.db], check=False)


def extra_figures(env, data, sizes):
    """Figures of features that may not be installed yet (reminders, sampling, XLSX)."""
    bench_extra = os.path.join(os.path.dirname(__file__), "extra.py")
    if os.path.exists(bench_extra):
        sys.path.insert(0, os.path.dirname(__file__))
        import extra  # noqa: PLC0415

        extra.run(env, data, sizes, measure, line)


if __name__ == "__main__":
    random.seed(42)
    run(parse_args())
