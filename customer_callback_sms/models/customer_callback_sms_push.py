# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo import fields, models
from odoo.tools import mute_logger


class CustomerCallbackSmsPush(models.Model):
    """Each receipt and reply a provider pushed, once: a push seen again
    (the provider retries, or someone replays it) is ignored. The unique
    index decides, whichever worker receives it."""

    _name = "customer.callback.sms.push"
    _description = "Callback SMS Push Received"
    _order = "id desc"

    provider = fields.Char(required=True)
    key = fields.Char(required=True)
    company_id = fields.Many2one("res.company", index=True)
    received = fields.Datetime(default=fields.Datetime.now, required=True)

    _provider_key_uniq = models.UniqueIndex("(provider, key)")

    def _callback_seen_keys(self, provider, keys):
        """The set of ``keys`` (cut as stored) already seen from ``provider``
        (one search for a whole push)."""
        keys = list({key[:500] for key in keys})
        if not keys:
            return set()
        pushes = self.sudo().search_fetch(
            [("provider", "=", provider), ("key", "in", keys)], ["key"]
        )
        return set(pushes.mapped("key"))

    def _first_time(self, provider, key, company, checked=False):
        """True the first time (provider, key) is seen; False for a replay.
        ``checked``: the caller knows it was not seen before its transaction
        (``_callback_seen_keys``); another worker may still have it."""
        key = key[:500]
        Push = self.sudo()
        if not checked and Push.search_count(
            [("provider", "=", provider), ("key", "=", key)], limit=1
        ):
            return False
        # received by two workers at once: the unique index lets one through
        # (the other's refused insert is expected, not an error to log)
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                Push.create({"provider": provider, "key": key, "company_id": company.id})
        except psycopg2.errors.UniqueViolation:
            return False
        return True
