# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import models


def post_init_hook(env):
    """The customers' purchase dates from the orders confirmed before the
    addon was installed (the core kept them empty: it knows no order)."""
    partners = (
        env["sale.order"]
        .sudo()
        .with_context(active_test=False)
        .search([("state", "=", "sale")])
        .partner_id
    )
    env.add_to_compute(partners._fields["first_purchase_date"], partners)
    env.add_to_compute(partners._fields["last_order_date"], partners)
    partners.flush_recordset(["first_purchase_date", "last_order_date"])
