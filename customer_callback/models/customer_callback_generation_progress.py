# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How far the scheduled callback generation got on a day.

One row per day: the highest partner id evaluated that day. A batch moves
it on in its own transaction, so a killed run, another process or another
worker resumes where the last commit left, without stamping every customer
(a daily write on each partner would change every partner's write date and
cost one query per 100 partners)."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

KEEP_DAYS = 30


class CustomerCallbackGenerationProgress(models.Model):
    _name = "customer.callback.generation.progress"
    _description = "Callback Generation Progress"
    _order = "day desc"
    _rec_name = "day"

    day = fields.Date(required=True, readonly=True)
    last_partner_id = fields.Integer(
        string="Last partner evaluated",
        readonly=True,
        help="The partners up to this id were evaluated on this day.",
    )

    _day_unique = models.UniqueIndex("(day)", "One generation progress per day.")

    @api.model
    def _lock_day(self, day):
        """The progress of ``day``, created when missing, locked until the
        end of the transaction. A run committed after this transaction
        started makes the lock fail (a serialization failure): the caller
        retries in a new transaction rather than redo that run's batch."""
        progress = self.search([("day", "=", day)], limit=1)
        if not progress:
            progress = self.create({"day": day, "last_partner_id": 0})
        # SQL: a waiting row lock (lock_for_update() skips a locked row and
        # raises); a read.
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR UPDATE",
                SQL.identifier(self._table),
                progress.id,
            )
        )
        progress.invalidate_recordset(["last_partner_id"])
        return progress

    @api.autovacuum
    def _gc_old_days(self):
        self.search([("day", "<", fields.Date.today() - timedelta(days=KEEP_DAYS))]).unlink()
