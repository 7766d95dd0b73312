# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it commits each step's data, as a real database would hold it.
# pylint: disable=invalid-commit
"""Figures 3 and 6: the complaint reminder cron over the benchmark's tickets,
and the XLSX export of a 50,000-row spot-check batch (wall time, peak RSS of
its own process)."""

import json
import os
import subprocess
import sys
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))


def run(env, data, sizes, measure, line):
    cr = env.cr
    Ticket = env["helpdesk.ticket"]
    with measure(cr) as reminders:
        processed = 0
        while True:
            done, _remaining = Ticket._complaint_reminder_batch(batch_size=500)
            if not done:
                break
            processed += done
    line(
        "3",
        "complaint reminder cron",
        f"{sizes['tickets']} tickets, {processed} complaints looked at",
        reminders["seconds"],
        reminders["queries"],
        goal="goal <= 10 s",
    )
    with measure(cr) as again:
        done, _remaining = Ticket._complaint_reminder_batch(batch_size=500)
    line(
        "3b", "  second run (nothing due)", f"{done} looked at", again["seconds"], again["queries"]
    )
    cr.rollback()

    # 6. the export runs in a process of its own (tests/bench/xlsx_export.py),
    # which reads its own high-water mark (VmHWM) right after the export: the
    # export's peak memory, not this benchmark process's.
    rows = min(50000, sizes["callbacks"])
    month = date.today().replace(day=1)
    batch = env["customer.callback.spot.check"].create(
        {"date_from": month, "leader_id": env.user.id, "sample_size": 50}
    )
    cr.execute(
        """UPDATE customer_callback SET spot_check_id = %s
            WHERE id IN (SELECT id FROM customer_callback ORDER BY id LIMIT %s)""",
        [batch.id, rows],
    )
    cr.commit()
    try:
        output = subprocess.run(
            [sys.executable, os.path.join(HERE, "xlsx_export.py"), cr.dbname, str(batch.id)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        export = json.loads(output.strip().splitlines()[-1])
    finally:
        cr.execute(
            "UPDATE customer_callback SET spot_check_id = NULL WHERE spot_check_id = %s", [batch.id]
        )
        cr.execute("DELETE FROM customer_callback_spot_check WHERE id = %s", [batch.id])
        cr.commit()
        env.invalidate_all()
    line(
        "6",
        "spot-check XLSX export (own process)",
        f"{rows} rows, {export['bytes'] // 1024} KiB",
        export["seconds"],
        export["queries"],
        goal="goal <= 10 s, peak memory < 300 MB",
        extra=f"| RSS with the registry loaded {export['rss_before_mb']:.0f} MB, "
        f"export process peak (VmHWM) {export['peak_mb']:.0f} MB "
        f"({'met' if export['peak_mb'] < 300 else 'NOT met'})",
    )
