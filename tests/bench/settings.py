#!/usr/bin/env python3
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it prints its figures and commits each step's data, as a
# real database would hold it.
# pylint: disable=print-used,invalid-commit
"""The Settings and quarterly PDF figures of the scale benchmark alone (issue #29):

    python3 tests/bench/settings.py --scale small [--keep]
    python3 tests/bench/settings.py --db cc_bench --reuse   # a database kept before

Same database, options and fill as run.py (partners, orders, tickets, the
existing callbacks with attempts), then extra_settings.py: Settings opened
and saved as the web client does, and the quarterly PDF. ``--reuse`` measures
again on a database filled and kept by an earlier run (after a change of the
code: update the modules first)."""

import os
import random
import subprocess
import sys
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import extra_settings  # noqa: E402
import run as bench  # noqa: E402


def main():
    parser = bench.argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=sorted(bench.SCALES), default="small")
    parser.add_argument("--db", default="cc_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure on a kept database")
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    sizes = dict(bench.SCALES[args.scale])
    registry = bench.open_registry(args.db, create=not args.reuse)
    print(
        f"# machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; date {date.today()}; "
        f"scale {args.scale}; Settings and quarterly PDF only",
        flush=True,
    )
    print("figure | name | size | wall | queries | ratio | goal", flush=True)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        data = None
        if not args.reuse:
            data = bench.fill(env, sizes)
            cr.commit()
            print(f"# adding {sizes['callbacks']} existing callbacks with attempts ...", flush=True)
            bench.fill_callbacks(env, data, sizes["callbacks"])
            cr.commit()
        extra_settings.run(env, data, sizes, bench.measure, bench.line)
    if not (args.keep or args.reuse):
        odoo.sql_db.close_all()
        subprocess.run(["dropdb", "--if-exists", args.db], check=False)


if __name__ == "__main__":
    random.seed(42)
    main()
