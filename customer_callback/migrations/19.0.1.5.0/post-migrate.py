# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The overdue digest became a view over the callbacks (issue #18): a
callback is no longer stamped when it is escalated.

- The digests of 19.0.1.4.0 get the teams (and "without a team") of the
  callbacks escalated in them, so their list opens what it listed.
- The escalation date of each callback (``escalation_date``, a column the
  update drops after this script) is written in the callback's chatter, so
  the history says when it was escalated."""

from collections import defaultdict

from odoo import SUPERUSER_ID, api, fields
from odoo.tools import split_every
from odoo.tools.sql import column_exists


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    if column_exists(cr, "customer_callback", "escalation_id"):
        # SQL: the stamp is no longer a stored field; only the column holds it
        cr.execute(
            """SELECT escalation_id, array_agg(DISTINCT team_id) FILTER (WHERE team_id IS NOT NULL),
                      bool_or(team_id IS NULL)
                 FROM customer_callback
                WHERE escalation_id IS NOT NULL
                GROUP BY escalation_id"""
        )
        Digest = env["customer.callback.escalation"].with_context(tracking_disable=True)
        for digest_id, team_ids, without_team in cr.fetchall():
            digest = Digest.browse(digest_id).exists()
            if digest:
                digest.write(
                    {
                        "team_ids": [fields.Command.set(team_ids or [])],
                        "without_team": bool(without_team),
                    }
                )
    if column_exists(cr, "customer_callback", "escalation_date"):
        # SQL: the column of a field this version removed (read before the
        # update drops it)
        cr.execute(
            """SELECT id, escalation_date FROM customer_callback
                WHERE escalation_date IS NOT NULL ORDER BY id"""
        )
        by_date = defaultdict(list)
        for callback_id, day in cr.fetchall():
            by_date[day].append(callback_id)
        Callback = env["customer.callback"].with_context(active_test=False)
        for day, ids in sorted(by_date.items()):
            text = env._(
                "Escalated to the team leader as overdue on %s.", fields.Date.to_string(day)
            )
            for chunk in split_every(1000, ids):
                Callback.browse(chunk)._message_log_batch(bodies=dict.fromkeys(chunk, text))
