# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The scheduled actions' batch loop (pure logic): commits, retries, stops."""

from odoo.tests import BaseCase, tagged

from ..tools.batches import run_batches


class Conflict(Exception):
    pass


def make(results):
    """A batch returning (or raising) ``results`` in turn; the log of what
    happened."""
    log = []
    results = iter(results)

    def batch():
        result = next(results)
        if isinstance(result, Exception):
            log.append("failed")
            raise result
        log.append(("batch", *result))
        return result

    def commit(processed, remaining):
        log.append(("commit", processed, remaining))
        return True

    def rollback():
        log.append("rollback")

    return batch, commit, rollback, log


@tagged("post_install", "-at_install")
class TestBatchesTools(BaseCase):
    def test_batches_commit_one_by_one_until_nothing_remains(self):
        batch, commit, rollback, log = make([(3, 4), (3, 1), (1, 0), (9, 9)])
        self.assertEqual(run_batches(batch, commit, rollback), 7)
        self.assertEqual(
            log,
            [
                ("batch", 3, 4),
                ("commit", 3, 4),
                ("batch", 3, 1),
                ("commit", 3, 1),
                ("batch", 1, 0),
                ("commit", 1, 0),
            ],
        )

    def test_a_batch_with_nothing_to_do_ends_the_run_without_commit(self):
        batch, commit, rollback, log = make([(0, 0)])
        self.assertEqual(run_batches(batch, commit, rollback), 0)
        self.assertEqual(log, [("batch", 0, 0)])

    def test_no_time_left_stops_after_the_commit(self):
        batch, _commit, rollback, log = make([(3, 4), (3, 1)])
        self.assertEqual(run_batches(batch, lambda p, r: False, rollback), 3)
        self.assertEqual(log, [("batch", 3, 4)])

    def test_a_conflicting_batch_is_rolled_back_and_run_again(self):
        retries = []
        pauses = []
        batch, commit, rollback, log = make([(2, 2), Conflict(), Conflict(), (2, 0)])
        total = run_batches(
            batch,
            commit,
            rollback,
            retried=(Conflict,),
            on_retry=lambda error, attempt: retries.append(attempt),
            sleep=pauses.append,
        )
        self.assertEqual(total, 4)
        self.assertEqual(
            log,
            [
                ("batch", 2, 2),
                ("commit", 2, 2),
                "failed",
                "rollback",
                "failed",
                "rollback",
                ("batch", 2, 0),
                ("commit", 2, 0),
            ],
        )
        self.assertEqual(retries, [1, 2])
        self.assertEqual(len(pauses), 2)
        self.assertAlmostEqual(pauses[0], 0.1)
        self.assertAlmostEqual(pauses[1], 0.2)

    def test_too_many_conflicts_in_a_row_raise(self):
        batch, commit, rollback, log = make([Conflict()] * 3)
        with self.assertRaises(Conflict):
            run_batches(
                batch, commit, rollback, retried=(Conflict,), max_retries=2, sleep=lambda s: 0
            )
        self.assertEqual(log.count("rollback"), 2)

    def test_other_errors_are_not_retried(self):
        batch, commit, rollback, log = make([ValueError("bad")])
        with self.assertRaises(ValueError):
            run_batches(batch, commit, rollback, retried=(Conflict,))
        self.assertNotIn("rollback", log)
