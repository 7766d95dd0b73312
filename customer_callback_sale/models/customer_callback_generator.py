# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The order triggers of the cadence rules: ``first_order`` and ``order``
(one ``_candidates_<trigger>`` method each, called by the core's generator),
and the sales order a follow-up callback takes over from the callback it
follows."""

from datetime import datetime, time, timedelta

from odoo import models
from odoo.tools import SQL

from odoo.addons.customer_callback.models.customer_callback_generator import Candidate


class CustomerCallbackGenerator(models.AbstractModel):
    _inherit = "customer.callback.generator"

    def _carried_callback_fields(self):
        return super()._carried_callback_fields() + ["sale_order_id"]

    # Reading in SQL, as the core's candidates (see its comment on _fetch):
    # one query per rule joining the confirmed orders with the partners the
    # rule applies to, the first order per customer with DISTINCT ON.
    def _candidates_first_order(self, rule, ctx):
        """The customers' first confirmed order with the rule's company: a
        customer shared by several companies (no company of its own) is a
        new customer of each, once, on its first order there; another
        company's order is never the anchor (nor the callback's order)."""
        low, high = self._anchor_bounds(rule, ctx)
        local = self._local_date(SQL("so.date_order"), ctx)
        rows = self._fetch(
            SQL(
                """SELECT partner_id, id, day FROM (
                       SELECT DISTINCT ON (so.partner_id) so.partner_id, so.id, %(local)s AS day
                         FROM sale_order so
                        WHERE so.state = 'sale' AND so.company_id = %(company)s
                          AND so.partner_id %(filter)s
                        ORDER BY so.partner_id, so.date_order, so.id
                   ) first_order
                  WHERE day BETWEEN %(low)s AND %(high)s
                    AND partner_id IN (%(partners)s)""",
                local=local,
                company=ctx["company"].id,
                filter=ctx["partner_filter"],
                low=low,
                high=high,
                partners=self._partner_subquery(rule, ctx),
            )
        )
        return [
            Candidate(ctx["rules"][rule.id], pid, day, "first", values={"sale_order_id": so_id})
            for pid, so_id, day in rows
        ]

    def _candidates_order(self, rule, ctx):
        low, high = self._anchor_bounds(rule, ctx)
        local = self._local_date(SQL("so.date_order"), ctx)
        rows = self._fetch(
            SQL(
                """SELECT so.partner_id, so.id, %(local)s
                     FROM sale_order so
                    WHERE so.state = 'sale' AND so.company_id = %(company)s
                      AND so.partner_id %(filter)s
                      AND so.date_order >= %(low)s AND so.date_order < %(high)s
                      AND so.partner_id IN (%(partners)s)""",
                local=local,
                company=ctx["company"].id,
                filter=ctx["partner_filter"],
                low=datetime.combine(low - timedelta(days=1), time.min),
                high=datetime.combine(high + timedelta(days=2), time.min),
                partners=self._partner_subquery(rule, ctx),
            )
        )
        return [
            Candidate(
                ctx["rules"][rule.id], pid, day, f"SO{so_id}", values={"sale_order_id": so_id}
            )
            for pid, so_id, day in rows
            if low <= day <= high
        ]
