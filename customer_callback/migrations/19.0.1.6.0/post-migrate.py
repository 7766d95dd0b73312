# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.6.0 (issues #27 and #28).

- A spot-check batch keeps how many customers it drew and the monthly
  minimum in force (its shortfall): the batches sampled before get the
  count of their spot-check callbacks and the company's minimum of today,
  the only one known.
- A withdrawal acts at once (the open callbacks it forbids are cancelled
  with the reason): the withdrawals recorded before act now. A line that a
  later consent line overrode cancels nothing (the whole ledger decides).
- Each company gets its default callback team (issue #29), as a new
  install does: the first team of the company with members."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    batches = env["customer.callback.spot.check"].search([("state", "!=", "draft")])
    counts = {
        batch.id: count
        for batch, count in env["customer.callback"]
        .with_context(active_test=False)
        ._read_group([("spot_check_id", "in", batches.ids)], ["spot_check_id"], ["__count"])
    }
    for batch in batches:
        batch.write(
            {
                "drawn_size": counts.get(batch.id, 0),
                "minimum_size": batch.company_id.callback_spot_check_min_size,
            }
        )
    withdrawals = env["customer.callback.consent"].search([("decision", "=", "withdrawn")])
    withdrawals._act_on_withdrawals()
    env["res.company"]._callback_init_default_team()
