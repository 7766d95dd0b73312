#!/usr/bin/env python3
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it prints its figures and commits each step's data, as a
# real database would hold it.
# pylint: disable=print-used,invalid-commit
"""The reports' figures of the scale benchmark alone (issue #17):

    python3 tests/bench/reports.py --scale full     # 1,000,000 callbacks

Same database, options and fill as run.py (partners, orders, tickets, the
existing callbacks with attempts), without the generation figures and the
other extra figures; then extra_quarterly.py: the high-frequency terms of a
month of ~80,000 callbacks and the quarterly analysis (figures, XLSX, QWeb
HTML)."""

import os
import random
import subprocess
import sys
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import extra_quarterly  # noqa: E402
import run as bench  # noqa: E402


def main(args):
    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    sizes = dict(bench.SCALES[args.scale])
    for key in sizes:
        if getattr(args, key):
            sizes[key] = getattr(args, key)
    registry = bench.open_registry(args.db)
    print(
        f"# machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; date {date.today()}; "
        f"scale {args.scale}; reports only",
        flush=True,
    )
    print("figure | name | size | wall | queries | ratio | goal", flush=True)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        data = bench.fill(env, sizes)
        cr.commit()
        print(f"# adding {sizes['callbacks']} existing callbacks with attempts ...", flush=True)
        bench.fill_callbacks(env, data, sizes["callbacks"])
        cr.commit()
        extra_quarterly.run(env, data, sizes, bench.measure, bench.line)
        print(f"# load at the end {os.getloadavg()[0]:.1f}", flush=True)
    if not args.keep:
        odoo.sql_db.close_all()
        subprocess.run(["dropdb", "--if-exists", args.db], check=False)


if __name__ == "__main__":
    random.seed(42)
    main(bench.parse_args())
