# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers of the demo data (``demo/customer_callback_demo.xml``), as Odoo's
``account/demo`` does: what a data file cannot declare is done here through
the business methods, so the demo follows the same rules as an agent's work.

- Contact attempts happen at given hours of the customer's day: the XML
  cannot compute "the last 10:30 in Berlin" (and an attempt may not be dated
  before the customer was registered, i.e. at most a day before the install).
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
