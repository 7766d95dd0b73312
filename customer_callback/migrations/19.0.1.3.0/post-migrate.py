# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Lunar festivals get their dates computed (issue #19): the shipped
occasions, created with dates typed per year by earlier versions (their data
is not updated), become lunar-calendar occasions; the dates they list stay."""

from odoo import SUPERUSER_ID, api

LUNAR = {
    "customer_callback.occasion_spring_festival": (1, 1),
    "customer_callback.occasion_mid_autumn": (8, 15),
    "customer_callback.occasion_dragon_boat": (5, 5),
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, (month, day) in LUNAR.items():
        occasion = env.ref(xmlid, raise_if_not_found=False)
        if occasion and occasion.kind == "manual":
            occasion.write({"kind": "lunar", "month": month, "day": day})
