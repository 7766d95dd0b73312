# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers of the demo data (``demo/customer_callback_demo.xml``), as Odoo's
``account/demo`` does: what a data file cannot declare is done here through
the business methods, so the demo follows the same rules as an agent's work.

- Contact attempts happen at given hours of the customer's day: the XML
  cannot compute "the last 10:30 in Berlin" (and an attempt may not be dated
  before the customer was registered, i.e. at most a day before the install).
- A sampled spot-check batch is partly called: its callbacks are created by
  the draw, so they have no XML id to refer to.
"""

from datetime import timedelta

from odoo import fields, models

from ..tools import call_window


class CustomerCallback(models.Model):
    _inherit = "customer.callback"

    def _demo_attempt_date(self, local_hour):
        """The latest moment at ``local_hour`` of the customer's clock that is
        not in the future (so within the last 24 hours), naive UTC."""
        self.ensure_one()
        zone = call_window.get_zone(self._tz())
        local_now = call_window.to_local(fields.Datetime.now(), zone)
        hours, minutes = divmod(round(local_hour * 60), 60)
        moment = local_now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
        if moment > local_now:
            moment -= timedelta(days=1)
        return call_window.to_utc_naive(moment)

    def _demo_log_attempts(self, attempts):
        """Log ``attempts`` on each callback: ``(result, local hour)`` pairs,
        each at the latest such hour of the customer's day. The attempt policy
        then moves the callback on as it does for attempts logged by agents."""
        Attempt = self.env["customer.callback.attempt"]
        for callback in self:
            Attempt.create(
                [
                    {
                        "callback_id": callback.id,
                        "result": result,
                        "attempt_date": callback._demo_attempt_date(hour),
                        "channel": "sms" if result == "message_sent" else "phone",
                        "user_id": (callback.user_id or self.env.user).id,
                    }
                    for result, hour in attempts
                ]
            )
        return True


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
