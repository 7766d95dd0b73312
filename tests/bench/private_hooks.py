#!/usr/bin/env python3
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it prints its figures.
# pylint: disable=print-used
"""What the suite's overrides of other modules' private methods buy (issue #31).

    python3 tests/bench/private_hooks.py --db DB [--callbacks 1000] [--rounds 3]

On a database with the suite installed (demo data or not), in one transaction
rolled back at the end: customers are made, then ``--callbacks`` callbacks
are created in one ``create(vals_list)`` under the bulk context of the
generator (``tools/bulk.py``), each way ``--rounds`` times (median printed):

- as shipped;
- without the set-wise ``customer.callback._check_company`` (the ORM's own
  check, record by record);
- without ``_skip_unchanged_partner_stats`` (the customers' statistics
  recomputed after the creation, as the ORM queues them);
- neither.

It prints one line per way: wall time, SQL queries, and the ratio to the
shipped way. The fourth private hook, ``resource.calendar._attendance_intervals_batch``
(make-up workdays), is not a matter of speed: Odoo offers no public way to
add a working day on a date (its attendances are weekly), see its comment.
The third, the text-size constraint on ``base``, no longer reads a private
attribute (``base.py``).
"""

import argparse
import statistics
import time
from contextlib import ExitStack
from datetime import timedelta
from unittest.mock import patch

import odoo
from odoo import api, fields, models
from odoo.modules.registry import Registry


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", default=None)
    parser.add_argument("--callbacks", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--history", type=int, default=0, help="done and scored callbacks per customer before"
    )
    return parser.parse_args()


def vals_for(env, partners, company):
    now = fields.Datetime.now()
    return [
        {
            "partner_id": partner.id,
            "company_id": company.id,
            "state": "planned",
            "planned_date": now + timedelta(days=1),
            "deadline": (now + timedelta(days=3)).date(),
        }
        for partner in partners
    ]


def main():
    args = parse_args()
    config = ["-d", args.db, "--log-level=warn"]
    if args.addons_path:
        config.append(f"--addons-path={args.addons_path}")
    odoo.tools.config.parse_config(config)
    registry = Registry(args.db)
    Callback = registry["customer.callback"]
    ways = {
        "as shipped": (),
        "ORM's _check_company": ((Callback, "_check_company", models.BaseModel._check_company),),
        "stats recomputed": ((Callback, "_skip_unchanged_partner_stats", lambda self, p: None),),
        "neither": (
            (Callback, "_check_company", models.BaseModel._check_company),
            (Callback, "_skip_unchanged_partner_stats", lambda self, p: None),
        ),
    }
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env["res.company"].create({"name": "Bench private hooks"})
        env = env(context={"allowed_company_ids": [company.id]})
        partners = env["res.partner"].create(
            [
                {"name": f"Bench customer {n}", "company_id": company.id}
                for n in range(args.callbacks)
            ]
        )
        env.flush_all()
        from odoo.addons.customer_callback.tools.bulk import BULK_CREATE_CONTEXT  # noqa: PLC0415

        model = env["customer.callback"].with_context(
            **BULK_CREATE_CONTEXT, callback_fatigue_checked=True
        )
        past = fields.Datetime.now() - timedelta(days=400)
        for n in range(args.history):
            model.create(
                [
                    dict(
                        vals,
                        state="done",
                        score=1 + (n + index) % 5,
                        planned_date=past + timedelta(days=30 * n),
                        done_date=past + timedelta(days=30 * n),
                        deadline=(past + timedelta(days=30 * n + 3)).date(),
                    )
                    for index, vals in enumerate(vals_for(env, partners, company))
                ]
            )
        env.flush_all()
        results = {}
        for _round in range(args.rounds):
            for name, patches in ways.items():
                with ExitStack() as stack:
                    for owner, attribute, replacement in patches:
                        stack.enter_context(patch.object(owner, attribute, replacement))
                    cr.execute("SAVEPOINT bench")
                    start_queries, start = cr.sql_log_count, time.perf_counter()
                    model.create(vals_for(env, partners, company))
                    env.flush_all()
                    seconds = time.perf_counter() - start
                    queries = cr.sql_log_count - start_queries
                    cr.execute("ROLLBACK TO SAVEPOINT bench")
                    env.invalidate_all()
                results.setdefault(name, []).append((seconds, queries))
        base = statistics.median(s for s, _q in results["as shipped"])
        print(
            f"# {args.callbacks} callbacks in one create(), median of {args.rounds} rounds,"
            f" {args.history} done callbacks per customer before"
        )
        for name, runs in results.items():
            seconds = statistics.median(s for s, _q in runs)
            queries = statistics.median(q for _s, q in runs)
            print(f"{name} | {seconds:.3f} s | {queries:.0f} queries | {seconds / base:.2f}x")
        cr.rollback()


if __name__ == "__main__":
    main()
