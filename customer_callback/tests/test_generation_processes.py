# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Scheduled generation in real, separate processes (each its own registry
and connection, committing): a run killed after a committed batch and
resumed by another process, and two runs started at the same moment.

The data is committed in its own cursor (the test's transaction is not
visible to other processes) and removed afterwards."""

import os
import subprocess
import sys
import tempfile
import textwrap

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import config

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
        generator._cron_generate_callbacks(batch_size=BATCH_SIZE)
        print("PROCESSED", sum(commits), flush=True)
    """
).replace("BATCH_SIZE", str(BATCH))


@tagged("post_install", "-at_install")
class TestGenerationInProcesses(TransactionCase):
    def setUp(self):
        super().setUp()
        self.today = fields.Date.today()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Partner = env["res.partner"].with_context(active_test=False)
            # the database's other partners are done today, its rules off:
            # the runs deal with this test's customers only (restored below)
            others = Partner.search([("callback_evaluated_date", "!=", self.today)])
            rules = env["customer.callback.rule"].search([])
            self.saved = {
                "others": {p.id: p.callback_evaluated_date for p in others},
                "rules": rules.ids,
            }
            others.write({"callback_evaluated_date": self.today})
            rules.active = False
            product = env["product.product"].create({"name": "Process product"})
            partners = Partner.create(
                [{"name": f"Process customer {i}", "tz": "Asia/Shanghai"} for i in range(PARTNERS)]
            )
            orders = env["sale.order"].create(
                [
                    {"partner_id": p.id, "order_line": [(0, 0, {"product_id": product.id})]}
                    for p in partners
                ]
            )
            # confirmed without the confirmation hook: only the scheduled run sees them
            orders.write({"state": "sale", "date_order": fields.Datetime.now()})
            rule = env["customer.callback.rule"].create(
                {
                    "name": "Process rule",
                    "segment": "usage",
                    "trigger": "order",
                    "window_days": 7,
                    "assignment": "team",
                }
            )
            self.ids = {
                "partners": partners.ids,
                "orders": orders.ids,
                "rule": rule.id,
                "product": product.id,
            }
        self.addCleanup(self.remove_data)

    def remove_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Callback = env["customer.callback"].with_context(active_test=False)
            Callback.search([("partner_id", "in", self.ids["partners"])]).unlink()
            env["sale.order"].browse(self.ids["orders"]).write({"state": "cancel"})
            env["sale.order"].browse(self.ids["orders"]).unlink()
            env["customer.callback.rule"].browse(self.ids["rule"]).unlink()
            env["res.partner"].browse(self.ids["partners"]).unlink()
            env["product.product"].browse(self.ids["product"]).product_tmpl_id.unlink()
            env["customer.callback.rule"].browse(self.saved["rules"]).active = True
            Partner = env["res.partner"].with_context(active_test=False)
            for partner_id, day in self.saved["others"].items():
                Partner.browse(partner_id).callback_evaluated_date = day

    def start(self, mode, *arguments):
        return subprocess.Popen(
            [
                sys.executable,
                "-c",
                SCRIPT,
                self.env.cr.dbname,
                config["addons_path"]
                if isinstance(config["addons_path"], str)
                else ",".join(config["addons_path"]),
                mode,
                *map(str, arguments),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def finish(self, process):
        out, err = process.communicate(timeout=300)
        return process.returncode, out, err

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
                """SELECT count(*) FROM res_partner
                    WHERE id = ANY(%s) AND callback_evaluated_date = %s""",
                [self.ids["partners"], self.today],
            )
            return counts, cr.fetchone()[0]

    def test_killed_run_resumes_in_another_process(self):
        code, out, err = self.finish(self.start("crash", 2))
        self.assertNotEqual(code, 0, "the first process was killed")
        self.assertIn(f"KILLED AFTER {2 * BATCH}", out, err)
        counts, evaluated = self.state()
        self.assertEqual(evaluated, 2 * BATCH, "the two committed batches stay done")
        self.assertEqual(sum(counts.values()), 2 * BATCH)
        code, out, err = self.finish(self.start("resume"))
        self.assertEqual(code, 0, err)
        # the second process does the rest, and only the rest: no batch twice
        self.assertIn(f"PROCESSED {PARTNERS - 2 * BATCH}", out, err)
        self.assertNotIn("Traceback", err)
        counts, evaluated = self.state()
        self.assertEqual(evaluated, PARTNERS)
        self.assertEqual(set(counts.values()), {1}, "every due callback exists once")
        # a third run the same day has nothing left to do
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
