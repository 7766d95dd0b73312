# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spot-check figures: the pool query with its exclusions and the draw, on the
benchmark's tickets and callbacks (goal: <= 2 s), then the XLSX export."""

from datetime import date


def run(env, data, sizes, measure, line):
    from odoo.addons.customer_callback_spot_check.tools import sampling  # noqa: PLC0415

    cr = env.cr
    company = env.company
    company.write({"callback_spot_check_below_min": "warn"})
    # earlier spot-checks, so that the per-customer cap has work to do
    cr.execute(
        "UPDATE customer_callback SET segment = 'spot_check' WHERE id IN "
        "(SELECT id FROM customer_callback WHERE state = 'done' ORDER BY id LIMIT 2000)"
    )
    month = date.today().replace(day=1)
    batch = env["customer.callback.spot.check"].create(
        {"date_from": month, "leader_id": env.user.id, "sample_size": 50}
    )
    cr.execute("ANALYZE helpdesk_ticket")
    with measure(cr) as pool:
        candidates = batch._pool_candidates()
        result = sampling.sample(
            candidates, batch.sample_size, 12345, cap=company.callback_spot_check_cap
        )
    line(
        "S1",
        "spot-check pool (one SQL, exclusions) + stratified draw",
        f"{sizes['tickets']} tickets, {sizes['callbacks']} callbacks, pool {result.pool_size}",
        pool["seconds"],
        pool["queries"],
        goal="goal <= 2 s",
    )
    with measure(cr) as sample:
        batch._sample(seed=12345)
    line(
        "S2",
        "spot-check sampling with callback creation",
        f"{len(batch.callback_ids)} created",
        sample["seconds"],
        sample["queries"],
    )
    with measure(cr) as export:
        content = env["report.customer_callback_report.spot_check_xlsx"]._generate(batch)
    line(
        "S3",
        "spot-check XLSX export",
        f"{len(batch.callback_ids)} rows, {len(content)} bytes",
        export["seconds"],
        export["queries"],
    )
    cr.rollback()
