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

    def _first_time(self, provider, key, company):
        """True the first time (provider, key) is seen; False for a replay."""
        key = key[:500]
        Push = self.sudo()
        if Push.search_count([("provider", "=", provider), ("key", "=", key)], limit=1):
            return False
        # received by two workers at once: the unique index lets one through
        # (the other's refused insert is expected, not an error to log)
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                Push.create({"provider": provider, "key": key, "company_id": company.id})
        except psycopg2.errors.UniqueViolation:
            return False
        return True
