# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rate limit of the public personal-link page, per remote address
(issue #20): one row per address (a hash, not the address itself) with the
requests counted in the current window.

Several HTTP workers share it through the database. Each request counts
itself in a cursor of its own, committed at once (a request that fails or
is rolled back still counts), with the address's row locked: a second
worker meeting the lock, or a row changed since its snapshot, refuses the
request instead of counting on a stale number. A counter in
``ir.config_parameter`` would be cached per worker, and counting rows
without the lock would let parallel requests all see the same count."""

import hashlib
import logging
from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import LockError

_logger = logging.getLogger(__name__)
SCOPE = "customer_callback.personal_link"
# A customer opens his page and saves a few forms; guessing tokens needs
# thousands of requests. Per address and window:
WINDOW = timedelta(minutes=10)
MAX_REQUESTS = 30


class CustomerCallbackLinkThrottle(models.Model):
    _name = "customer.callback.link.throttle"
    _description = "Personal Link Rate Limit"
    _rec_name = "address_hash"

    address_hash = fields.Char(required=True, readonly=True)
    window_start = fields.Datetime(required=True, readonly=True)
    request_count = fields.Integer(readonly=True)

    _address_unique = models.UniqueIndex("(address_hash)")

    @api.model
    def _hash(self, address):
        return hashlib.sha256(f"{SCOPE}:{address or ''}".encode()).hexdigest()

    @api.model
    def _allow(self, address, now=None, limit=None, window=WINDOW):
        """Count a request from ``address``; False when it is over the limit
        (or meets another request of the same address at the same moment).
        Committed in a cursor of its own."""
        now = now or fields.Datetime.now()
        limit = MAX_REQUESTS if limit is None else limit
        address_hash = self._hash(address)
        try:
            with self.env.registry.cursor() as cr:
                env = self.env(cr=cr, su=True)
                Throttle = env[self._name]
                row = Throttle.search([("address_hash", "=", address_hash)], limit=1)
                if not row:
                    Throttle.create(
                        {"address_hash": address_hash, "window_start": now, "request_count": 1}
                    )
                    allowed = True
                else:
                    row.lock_for_update()
                    if row.window_start <= now - window:
                        row.write({"window_start": now, "request_count": 1})
                    else:
                        row.write({"request_count": row.request_count + 1})
                    allowed = row.request_count <= limit
                env.flush_all()
                return allowed
        except (
            LockError,
            pg_errors.SerializationFailure,
            pg_errors.UniqueViolation,
        ) as error:
            _logger.info("Personal link: concurrent request refused (%s)", error)
            return False

    @api.autovacuum
    def _gc_old_windows(self):
        self.search([("window_start", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
