# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helper of the demo data (``demo/customer_callback_spot_check_demo.xml``):
a sampled spot-check batch is partly called; its callbacks are created by
the draw, so they have no XML id to refer to."""

from odoo import models


class CustomerCallbackSpotCheck(models.Model):
    _inherit = "customer.callback.spot.check"

    def _demo_review(self, outcomes):
        """Call the first spot-checks of the batch, one outcome each:
        ``attempts`` as for ``_demo_log_attempts`` (default: a connected call
        in the morning), the values the caller records, and ``complaint`` to
        open the spot-check complaint of a low score. The callbacks without an
        outcome stay open, and the last one always does. Customers drawn from
        the review collection or the VIPs come first: a low score on the
        spot-check of a solved complaint would also reopen that complaint."""
        self.ensure_one()
        callbacks = self.callback_ids.sorted(lambda c: (bool(c.ticket_id), c.id))
        # one call stays open whatever the size of the draw (the pool of last
        # month depends on the day the demo is installed)
        for callback, outcome in zip(callbacks[:-1], outcomes, strict=False):
            values = dict(outcome)
            attempts = values.pop("attempts", [("connected", 10.5)])
            complaint = values.pop("complaint", False)
            callback._demo_log_attempts(attempts)
            if callback.state != "in_progress" or not values:
                continue
            callback.write(values)
            callback.action_done()
            if complaint:
                callback.action_open_spot_check_complaint()
        return True
