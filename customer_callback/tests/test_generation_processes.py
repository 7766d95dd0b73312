# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Scheduled generation in real, separate processes (each its own registry
and connection, committing): a run killed after a committed batch, resumed
by another process and finished by the scheduled action in a real Odoo
server's cron worker, and two runs started at the same moment.

The data is committed in its own cursor (the test's transaction is not
visible to other processes) and removed afterwards."""

import os
import re
import tempfile
import textwrap
import time
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import TransactionCase, tagged

from .common import finish_script, start_script
from .odoo_server import odoo_server

PARTNERS = 10
BATCH = 3

# Run in a subprocess: python3 -c SCRIPT db addons_path mode [arguments].
SCRIPT = textwrap.dedent(
    """
    import logging, os, sys, time
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    db, addons_path, mode = sys.argv[1:4]
    from odoo.tools import config
    config.parse_config(["-d", db, "--addons-path=" + addons_path, "--log-level=warn"])
    logging.getLogger("odoo.addons.customer_callback").setLevel(logging.INFO)
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        generator = env["customer.callback.generator"]
        Cron = type(env["ir.cron"])
        original_commit = Cron._commit_progress
        commits = []
        if mode == "crash":
            kill_after = int(sys.argv[4])
            def commit_then_die(self, processed=0, **kwargs):
                result = original_commit(self, processed, **kwargs)
                commits.append(processed)
                if len(commits) == kill_after:
                    print("KILLED AFTER", sum(commits), flush=True)
                    os.kill(os.getpid(), 9)
                return result
            Cron._commit_progress = commit_then_die
        else:
            def counting_commit(self, processed=0, **kwargs):
                commits.append(processed)
                return original_commit(self, processed, **kwargs)
            Cron._commit_progress = counting_commit
        if mode == "together":
            # a file barrier: both processes start generating at the same moment
            ready, other = sys.argv[4], sys.argv[5]
            open(ready, "w").close()
            deadline = time.monotonic() + 60
            while not os.path.exists(other) and time.monotonic() < deadline:
                time.sleep(0.01)
            Generator = type(generator)
            original_generate = Generator._generate
            def slow_generate(self, *args, **kwargs):
                time.sleep(0.3)  # keep the batch (and its lock) open a while
                return original_generate(self, *args, **kwargs)
            Generator._generate = slow_generate
        if mode == "one":
            # one batch, committed, then the process ends
            processed, remaining = generator._generate_next_batch(batch_size=BATCH_SIZE)
            env["ir.cron"]._commit_progress(processed, remaining=remaining)
        else:
            generator._cron_generate_callbacks(batch_size=BATCH_SIZE)
        print("PROCESSED", sum(commits), flush=True)
    """
).replace("BATCH_SIZE", str(BATCH))


@tagged("post_install", "-at_install")
class TestGenerationInProcesses(TransactionCase):
    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # the day of the scheduled run: in the zone of its user (the
            # superuser, as the processes run it), not UTC's (a day ahead in
            # Europe/Brussels from 23:00 UTC)
            self.today = fields.Date.context_today(env["customer.callback.generator"])
            Partner = env["res.partner"].with_context(active_test=False)
            # the database's rules are off: the runs deal with this test's
            # customers only (restored below)
            rules = env["customer.callback.rule"].search([])
            self.saved = {"rules": rules.ids}
            rules.active = False
            # birthdays in two days (a leap year: any day of the year exists),
            # due for the scheduled run only
            birthday = (self.today + timedelta(days=2)).replace(year=1988)
            partners = Partner.create(
                [
                    {"name": f"Process customer {i}", "tz": "Asia/Shanghai", "birthday": birthday}
                    for i in range(PARTNERS)
                ]
            )
            # the database's other partners are evaluated today: the runs start
            # after them (the day's progress is restored below)
            Progress = env["customer.callback.generation.progress"]
            progress = Progress.search([("day", "=", self.today)])
            self.saved["progress"] = progress.last_partner_id if progress else None
            progress = progress or Progress.create({"day": self.today})
            progress.last_partner_id = partners[0].id - 1
            rule = env["customer.callback.rule"].create(
                {
                    "name": "Process rule",
                    "segment": "care_occasion",
                    "trigger": "birthday",
                    "offset_days": -5,
                    "window_days": 7,
                    "assignment": "team",
                }
            )
            month = env["customer.callback"]._callback_sequence_month(
                env["customer.callback"]._callback_sequence(env.company), self.today
            )
            self.ids = {
                "partners": partners.ids,
                "rule": rule.id,
                "month": month.id,
            }
        self.addCleanup(self.remove_data)

    def remove_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Callback = env["customer.callback"].with_context(active_test=False)
            # every callback of the rule, whomever a faulty run gave one
            Callback.search(
                [
                    "|",
                    ("partner_id", "in", self.ids["partners"]),
                    ("rule_id", "=", self.ids["rule"]),
                ]
            ).unlink()
            env["customer.callback.rule"].browse(self.ids["rule"]).unlink()
            env["res.partner"].browse(self.ids["partners"]).unlink()
            env["customer.callback.rule"].browse(self.saved["rules"]).active = True
            progress = env["customer.callback.generation.progress"].search(
                [("day", "=", self.today)]
            )
            if self.saved["progress"] is None:
                progress.unlink()
            else:
                progress.last_partner_id = self.saved["progress"]

    def start(self, mode, *arguments):
        return start_script(SCRIPT, self.env.cr.dbname, mode, *arguments)

    def finish(self, process):
        return finish_script(process)

    def state(self):
        """(callbacks per partner of the rule, partners evaluated today)."""
        with self.registry.cursor() as cr:
            cr.execute(
                """SELECT p.id, count(cb.id) FROM res_partner p
                     LEFT JOIN customer_callback cb ON cb.partner_id = p.id AND cb.rule_id = %s
                    WHERE p.id = ANY(%s) GROUP BY p.id""",
                [self.ids["rule"], self.ids["partners"]],
            )
            counts = dict(cr.fetchall())
            cr.execute(
                "SELECT last_partner_id FROM customer_callback_generation_progress WHERE day = %s",
                [self.today],
            )
            last = cr.fetchone()[0]
            return counts, len([pid for pid in self.ids["partners"] if pid <= last])

    def assert_serials_continue(self):
        """The runs' callbacks hold consecutive serials, the last ones given in
        the month: no gap (a killed run gave its serials back), no duplicate."""
        with self.registry.cursor() as cr:
            cr.execute("SELECT name FROM customer_callback WHERE rule_id = %s", [self.ids["rule"]])
            serials = sorted(int(name[6:]) for (name,) in cr.fetchall())
            cr.execute(
                "SELECT number_next FROM ir_sequence_date_range WHERE id = %s",
                [self.ids["month"]],
            )
            number_next = cr.fetchone()[0]
        self.assertEqual(serials, list(range(number_next - PARTNERS, number_next)))

    def run_cron_worker(self):
        """The generation's scheduled action, run by the cron worker of a real
        Odoo server on this database (the database's other scheduled actions
        paused meanwhile). Returns the server's log."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            cron = env.ref("customer_callback.ir_cron_generate_callbacks")
            others = env["ir.cron"].search([("id", "!=", cron.id)])
            paused = {"others": others.ids, "active": cron.active, "cron": cron.id}
            others.active = False
            cron.active = True
        try:
            with odoo_server(
                self.env.cr.dbname, workers=0, cron_threads=1, log_level="info", wait_http=False
            ) as server:
                deadline = time.monotonic() + 240
                triggered = 0.0
                while time.monotonic() < deadline:
                    server.check_running()
                    finished = re.search(
                        rf"Job .* \({paused['cron']}\) (fully done|partially done|failed)",
                        server.log(),
                    )
                    if finished:
                        break
                    if time.monotonic() - triggered > 15:
                        # committed, so that the cron worker is woken up (again
                        # when it was not listening yet)
                        with self.registry.cursor() as cr:
                            env = api.Environment(cr, SUPERUSER_ID, {})
                            env.ref("customer_callback.ir_cron_generate_callbacks")._trigger()
                        triggered = time.monotonic()
                    time.sleep(0.5)
                else:
                    self.fail(f"the cron worker did not run:\n{server.log()[-3000:]}")
                text = server.log()
        finally:
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["ir.cron"].browse(paused["others"]).active = True
                env.ref("customer_callback.ir_cron_generate_callbacks").active = paused["active"]
        return text

    def test_killed_run_resumes_in_another_process_and_the_cron_worker(self):
        code, out, err = self.finish(self.start("crash", 2))
        self.assertNotEqual(code, 0, "the first process was killed")
        self.assertIn(f"KILLED AFTER {2 * BATCH}", out, err)
        counts, evaluated = self.state()
        self.assertEqual(evaluated, 2 * BATCH, "the two committed batches stay done")
        self.assertEqual(sum(counts.values()), 2 * BATCH)
        # another process does one batch, and only the next one
        code, out, err = self.finish(self.start("one"))
        self.assertEqual(code, 0, err)
        self.assertIn(f"PROCESSED {BATCH}", out, err)
        self.assertNotIn("Traceback", err)
        counts, evaluated = self.state()
        self.assertEqual(evaluated, 3 * BATCH)
        self.assertEqual(sum(counts.values()), 3 * BATCH, "no batch twice")
        # the scheduled action in a real server's cron worker does the rest
        log = self.run_cron_worker()
        for marker in ("Traceback", " ERROR ", "could not serialize"):
            self.assertNotIn(marker, log)
        counts, evaluated = self.state()
        self.assertEqual(evaluated, PARTNERS)
        self.assertEqual(set(counts.values()), {1}, "every due callback exists once")
        self.assertEqual(len(counts), PARTNERS, "nothing skipped")
        self.assert_serials_continue()
        # a run the same day has nothing left to do
        code, out, err = self.finish(self.start("resume"))
        self.assertIn("PROCESSED 0", out, err)

    def test_two_runs_started_together(self):
        with tempfile.TemporaryDirectory() as folder:
            flags = [os.path.join(folder, name) for name in ("a", "b")]
            first = self.start("together", flags[0], flags[1])
            second = self.start("together", flags[1], flags[0])
            results = [self.finish(first), self.finish(second)]
        for code, _out, err in results:
            self.assertEqual(code, 0, err)
            for marker in ("Traceback", "ERROR", "SerializationFailure", "could not serialize"):
                self.assertNotIn(marker, err)
        processed = sum(int(out.split("PROCESSED")[-1]) for _code, out, _err in results)
        self.assertEqual(processed, PARTNERS, "each partner evaluated by one run, once")
        self.assertTrue(
            any("another run is in progress" in err for _code, _out, err in results),
            "the runs overlapped: one of them met the other's lock",
        )
        counts, evaluated = self.state()
        self.assertEqual(evaluated, PARTNERS)
        self.assertEqual(set(counts.values()), {1}, "no duplicate, no gap")
        self.assert_serials_continue()
