# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it prints its figures.
# pylint: disable=print-used
"""Figure 6 in a process of its own, so that its peak memory is the export's
and not the benchmark's (which holds 1,000,000 callbacks' worth of work).

    python3 tests/bench/xlsx_export.py DB BATCH_ID

Prints one JSON line: seconds, queries, bytes, rss_before_mb (registry
loaded, before the export) and peak_mb: the process's own high-water mark of
resident memory (``VmHWM`` of /proc/self/status, read right after the export).
Not ``getrusage().ru_maxrss``: Linux carries it across fork and exec
(``exec`` keeps the largest of the old and new images), so a child started
by the benchmark would report the benchmark's own peak."""

import json
import os
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def status_mb(key):
    """``key`` (VmRSS, VmHWM) of this process's /proc status, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for row in status:
            if row.startswith(f"{key}:"):
                return int(row.split()[1]) / 1024
    return 0.0


def main(db, batch_id):
    import odoo  # noqa: PLC0415 - the platform, imported when run
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(
        ["-d", db, f"--addons-path={REPO}", "--log-level=warn", "--http-interface=127.0.0.1"]
    )
    registry = Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        batch = env["customer.callback.spot.check"].browse(batch_id)
        batch.name  # noqa: B018 - load the batch before measuring; pylint: disable=pointless-statement
        before = status_mb("VmRSS")
        start_queries = cr.sql_log_count
        start = time.perf_counter()
        content = env["report.customer_callback_report.spot_check_xlsx"]._generate(batch)
        seconds = time.perf_counter() - start
        queries = cr.sql_log_count - start_queries
        peak = status_mb("VmHWM")
        cr.rollback()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "queries": queries,
                "bytes": len(content),
                "rss_before_mb": before,
                "peak_mb": peak,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
