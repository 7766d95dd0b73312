# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX exports are no longer stored (issue #15): remove the files earlier
versions attached to the report exports and to the spot-check batches, which
users who may read the batch but not all its callbacks could download."""

from odoo import SUPERUSER_ID, api

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["ir.attachment"].search(
        [
            "|",
            ("res_model", "=", "customer.callback.agent.report.export"),
            "&",
            ("res_model", "=", "customer.callback.spot.check"),
            ("mimetype", "=", XLSX),
        ]
    ).unlink()
