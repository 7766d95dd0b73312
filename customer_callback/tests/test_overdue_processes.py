# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The overdue callbacks' scheduled action in real, separate processes (each
its own registry and connection, committing): two runs started at the same
moment, and a run killed after its first committed batch, finished by
another process. The runs deal with this test's company only.

The data is committed in its own cursor (the test's transaction is not
visible to other processes) and removed afterwards."""

import os
import tempfile
import textwrap
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import finish_script, start_script

OVERDUE = 6
EXPIRED = 3
BATCH = 2

# Run in a subprocess: python3 -c SCRIPT db addons_path company mode [arguments].
SCRIPT = textwrap.dedent(
    """
    import logging, os, sys, time
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    db, addons_path, company_id, mode = sys.argv[1:5]
    from odoo.tools import config
    config.parse_config(["-d", db, "--addons-path=" + addons_path, "--log-level=warn"])
    logging.getLogger("odoo.addons.customer_callback").setLevel(logging.INFO)
    from odoo import SUPERUSER_ID, api
    from odoo.fields import Domain
    from odoo.modules.registry import Registry
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        Callback = type(env["customer.callback"])
        Digest = type(env["customer.callback.escalation"])
        Cron = type(env["ir.cron"])
        company = env["res.company"].browse(int(company_id))
        # this test's company only
        expiry_domain = Callback._stale_expiry_domain
        Callback._stale_expiry_domain = lambda self, today: (
            expiry_domain(self, today) & Domain("company_id", "=", company.id)
        )
        Digest._escalation_scope = lambda self: Domain("company_id", "=", company.id)
        original_commit = Cron._commit_progress
        commits = []
        def commit(self, processed=0, **kwargs):
            result = original_commit(self, processed, **kwargs)
            commits.append(processed)
            if mode == "crash" and len(commits) == 1:
                print("KILLED AFTER", processed, flush=True)
                os.kill(os.getpid(), 9)
            return result
        Cron._commit_progress = commit
        if mode == "together":
            # a file barrier: both processes start at the same moment; each
            # digest is written slowly (the lock is held a while)
            ready, other = sys.argv[5], sys.argv[6]
            open(ready, "w").close()
            deadline = time.monotonic() + 60
            while not os.path.exists(other) and time.monotonic() < deadline:
                time.sleep(0.01)
            write_figures = Digest._write_figures
            def slow_write_figures(self, *args, **kwargs):
                time.sleep(1.5)
                return write_figures(self, *args, **kwargs)
            Digest._write_figures = slow_write_figures
        env["customer.callback"]._cron_close_stale_callbacks(batch_size=BATCH_SIZE)
        print("COMMITS", commits, flush=True)
    """
).replace("BATCH_SIZE", str(BATCH))


@tagged("post_install", "-at_install")
class TestOverdueInProcesses(TransactionCase):
    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # the day of the scheduled action: in the zone of its user (the
            # superuser, as the processes run it), not UTC's (a day ahead in
            # Europe/Brussels from 23:00 UTC)
            self.today = fields.Date.context_today(env["customer.callback"])
            company = env["res.company"].create(
                {"name": "Overdue process company", "callback_overdue_cancel_days": 10}
            )
            users = [
                new_test_user(
                    env,
                    f"cb_overdue_{role}",
                    groups=f"customer_callback.customer_callback_group_{group}",
                    company_id=company.id,
                    company_ids=[company.id],
                )
                for role, group in (("leader", "supervisor"), ("agent", "agent"))
            ]
            leader, agent = users
            team = env["helpdesk.ticket.team"].create(
                {
                    "name": "Overdue process team",
                    "company_id": company.id,
                    "user_ids": [(6, 0, [agent.id])],
                    "user_id": leader.id,
                }
            )
            partners = env["res.partner"].create(
                [
                    {"name": f"Overdue customer {i}", "tz": "Asia/Shanghai"}
                    for i in range(OVERDUE + EXPIRED)
                ]
            )
            now = fields.Datetime.now()
            callbacks = env["customer.callback"].create(
                [
                    {
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "team_id": team.id,
                        "user_id": agent.id,
                        "state": "planned",
                        "deadline": self.today - timedelta(days=20 if i < EXPIRED else 2),
                        "planned_date": now - timedelta(days=21 if i < EXPIRED else 3),
                    }
                    for i, partner in enumerate(partners)
                ]
            )
            self.ids = {
                "company": company.id,
                "leader": leader.id,
                "users": [user.id for user in users],
                "team": team.id,
                "partners": partners.ids,
                "expired": callbacks[:EXPIRED].ids,
                "overdue": callbacks[EXPIRED:].ids,
            }
        self.addCleanup(self.remove_data)

    def remove_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            digests = env["customer.callback.escalation"].search(
                [("company_id", "=", self.ids["company"])]
            )
            digests.activity_ids.unlink()
            digests.unlink()
            callbacks = env["customer.callback"].with_context(active_test=False)
            callbacks.browse(self.ids["expired"] + self.ids["overdue"]).unlink()
            env["helpdesk.ticket.team"].browse(self.ids["team"]).unlink()
            env["res.partner"].browse(self.ids["partners"]).unlink()
            env["res.users"].browse(self.ids["users"]).unlink()
            # customer_callback_term, where installed, gave the company its stop words
            if "customer.callback.stop.word" in env:
                stop_words = env["customer.callback.stop.word"].with_context(active_test=False)
                stop_words.search([("company_id", "=", self.ids["company"])]).unlink()
            env["res.company"].browse(self.ids["company"]).unlink()

    def start(self, mode, *arguments):
        return start_script(SCRIPT, self.env.cr.dbname, self.ids["company"], mode, *arguments)

    def finish(self, process):
        return finish_script(process)

    def assert_done_once(self):
        """Each long overdue callback expired once; one digest and one
        activity for the leader, counting each overdue callback once."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            callbacks = env["customer.callback"].with_context(active_test=False)
            expired = callbacks.browse(self.ids["expired"])
            self.assertEqual(set(expired.mapped("state")), {"cancelled"})
            for callback in expired:
                logs = callback.message_ids.filtered(lambda m: "past its deadline" in str(m.body))
                self.assertEqual(len(logs), 1, "expired once")
            self.assertEqual(
                set(callbacks.browse(self.ids["overdue"]).mapped("state")), {"planned"}
            )
            digest = env["customer.callback.escalation"].search(
                [("company_id", "=", self.ids["company"])]
            )
            self.assertEqual(len(digest), 1, "one digest")
            self.assertEqual(
                (digest.leader_id.id, digest.date, digest.state),
                (self.ids["leader"], self.today, "current"),
            )
            self.assertEqual((digest.new_count, digest.overdue_count), (OVERDUE, OVERDUE))
            self.assertEqual(len(digest.activity_ids), 1, "one activity")

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
        self.assertTrue(
            any("another run is in progress" in err for _code, _out, err in results),
            "the runs overlapped: one of them met the other's lock",
        )
        self.assert_done_once()

    def test_killed_run_is_finished_by_another_process(self):
        code, out, _err = self.finish(self.start("crash"))
        self.assertNotEqual(code, 0, "the first process was killed")
        self.assertIn(f"KILLED AFTER {BATCH}", out)
        code, out, err = self.finish(self.start("resume"))
        self.assertEqual(code, 0, err)
        self.assertNotIn("Traceback", err)
        # the rest of the expiry, then the digest
        self.assertIn(f"COMMITS [{EXPIRED - BATCH}, 1]", out, err)
        self.assert_done_once()
