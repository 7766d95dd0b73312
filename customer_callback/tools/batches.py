# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How the scheduled actions run their batches: one batch per transaction,
committed before the next; a batch that meets a concurrent commit is rolled
back and run again in a new transaction, a few times. Plain Python: the
batch, the commit and the rollback are given."""

import time


def run_batches(
    batch,
    commit,
    rollback,
    retried=(),
    max_retries=5,
    on_retry=None,
    sleep=time.sleep,
):
    """Run ``batch()`` (which returns ``(processed, remaining)``) until it
    processes nothing, ``commit(processed, remaining)`` returns a false value
    (no time left) or nothing remains.

    A batch raising one of ``retried`` is rolled back (``rollback()``),
    reported to ``on_retry(error, attempt)`` and run again after a growing
    pause; after ``max_retries`` such failures in a row the error is raised.
    Returns the number of records processed, in all batches."""
    total = 0
    retries = 0
    while True:
        try:
            processed, remaining = batch()
        except retried as error:
            retries += 1
            if retries > max_retries:
                raise
            if on_retry:
                on_retry(error, retries)
            rollback()
            sleep(0.1 * retries)
            continue
        retries = 0
        if not processed:
            return total
        total += processed
        if not commit(processed, remaining):
            return total
        if not remaining:
            return total
