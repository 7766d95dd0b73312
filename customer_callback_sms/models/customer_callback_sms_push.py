# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo import fields, models


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
        try:
            with self.env.cr.savepoint():
                self.sudo().create(
                    {"provider": provider, "key": key[:500], "company_id": company.id}
                )
        except psycopg2.errors.UniqueViolation:
            return False
        return True
