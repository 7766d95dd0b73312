# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Callback references are numbered "no gap" (issue #14): the serials of a
batch are reserved at once in the transaction that creates it. The
companies' callback sequences switch from the standard implementation (a
PostgreSQL sequence per month, dropped by the switch) to "no gap", which
counts in the sequence's rows: each month's counter carries on from the
number the standard implementation would have given next."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    sequences = env["ir.sequence"].search(
        [("code", "=", "customer.callback"), ("implementation", "=", "standard")]
    )
    for sequence in sequences:
        # read before the switch: the counters live in the dropped sequences
        counters = {
            date_range: date_range.number_next_actual for date_range in sequence.date_range_ids
        }
        main = sequence.number_next_actual
        sequence.write({"implementation": "no_gap"})
        sequence.write({"number_next": main or 1})
        for date_range, number in counters.items():
            date_range.write({"number_next": number or 1})
