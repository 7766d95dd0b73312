# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bulk creation through the ORM that a concurrent run cannot break.

Records are created with ``create(vals_list)`` in batches, under the context
keys that keep mail.thread creation cheap (no creation message, no creator
follower, no tracking). A unique index guards against duplicates: when a
concurrent transaction created one of the records after this transaction's
snapshot, the batch is retried record by record, each in its own savepoint,
and the duplicates are left out instead of aborting the transaction.

Whatever ``create()`` does inside a batch is undone with it: callbacks are
numbered there (one reservation of serials per batch), so a batch rolled
back gives its serials back and the records created one by one afterwards
are numbered again, without a gap.
"""

import logging

from psycopg2 import errors

from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)

BULK_CREATE_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}
BATCH_SIZE = 1000
# A duplicate refused by a unique index: what a concurrent run created
# meanwhile. Other errors (a serialization failure included) are not
# swallowed: the transaction fails and is retried as a whole.
CONFLICTS = (errors.UniqueViolation,)


def create_in_batches(model, vals_list, batch_size=BATCH_SIZE):
    """Create ``vals_list`` with ``model`` in batches; the records a unique
    index refuses (created meanwhile by another transaction) are skipped.
    Returns the created records, in the order of ``vals_list``."""
    original = model
    model = model.with_context(**BULK_CREATE_CONTEXT)
    created = model.browse()
    for begin in range(0, len(vals_list), batch_size):
        batch = vals_list[begin : begin + batch_size]
        try:
            # as core does for an expected conflict: no "bad query" error logged
            with model.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                created |= model.create(batch)
        except CONFLICTS:
            created |= _create_one_by_one(model, batch)
    return original.browse(created.ids)


def _create_one_by_one(model, vals_list):
    created = model.browse()
    skipped = 0
    for vals in vals_list:
        try:
            with model.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                created |= model.create([vals])
        except CONFLICTS:
            skipped += 1
    _logger.info(
        "%s: %s record(s) created meanwhile by another transaction were skipped",
        model._name,
        skipped,
    )
    return created
