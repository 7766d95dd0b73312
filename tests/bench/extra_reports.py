# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Figures 3 and 6: the complaint reminder cron over the benchmark's tickets,
and the XLSX export of a 50,000-row spot-check batch (wall time, peak RSS)."""

import resource
from datetime import date


def rss_mb():
    with open("/proc/self/status", encoding="ascii") as status:
        for row in status:
            if row.startswith("VmRSS:"):
                return int(row.split()[1]) / 1024
    return 0.0


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

    rows = min(50000, sizes["callbacks"])
    month = date.today().replace(day=1)
    batch = env["customer.callback.spot.check"].create(
        {"date_from": month, "leader_id": env.user.id, "sample_size": 50}
    )
    cr.execute(
        """UPDATE customer_callback SET spot_check_id = %s, segment = 'spot_check'
            WHERE id IN (SELECT id FROM customer_callback ORDER BY id LIMIT %s)""",
        [batch.id, rows],
    )
    env.invalidate_all()
    before = rss_mb()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with measure(cr) as export:
        content = env["report.customer_callback.spot_check_xlsx"]._generate(batch)
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line(
        "6",
        "spot-check XLSX export",
        f"{rows} rows, {len(content) // 1024} KiB",
        export["seconds"],
        export["queries"],
        goal="goal <= 10 s, peak memory < 300 MB",
        extra=f"| RSS before {before:.0f} MB, process peak {peak_after:.0f} MB "
        f"(+{max(peak_after - peak_before, 0):.0f} MB during the export)",
    )
    cr.rollback()
