# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os
import tempfile
import textwrap
from datetime import timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import (
    FROZEN_NOW,
    TODAY,
    AccessMatrixMixin,
    CallbackCase,
    cron_commits,
    fail_on_call,
    finish_script,
    start_script,
)

NONE = "----"
# Expected model-level rights of every model of the addon, per profile
# (ACCESS_PROFILES: portal, internal, helpdesk user, agent, supervisor,
# supervisor of another company) as "rwcu": read, write, create, unlink, "-"
# when denied. Record rules narrow these further (tested below).
ACCESS_MATRIX = {
    "customer.callback": (NONE, NONE, NONE, "rwc-", "rwcu", "rwcu"),
    # attempts are history: nobody deletes them (erasing a customer's data
    # deletes them with the callbacks)
    "customer.callback.attempt": (NONE, NONE, NONE, "r-c-", "rwc-", "rwc-"),
    "customer.callback.rule": (NONE, NONE, NONE, "r---", "rwcu", "rwcu"),
    "customer.callback.script": (NONE, NONE, NONE, "r---", "rwcu", "rwcu"),
    "customer.callback.occasion": (NONE, NONE, NONE, "r---", "rwcu", "rwcu"),
    "customer.callback.occasion.date": (NONE, NONE, NONE, "r---", "rwcu", "rwcu"),
    # overdue digests: created by the scheduled action, kept as history; an
    # agent who leads a team reads her own (record rule)
    "customer.callback.escalation": (NONE, NONE, NONE, "r---", "rw--", "rw--"),
    # the consent ledger is history: lines are added, never changed or deleted
    "customer.callback.consent": (NONE, NONE, NONE, "r-c-", "r-c-", "r-c-"),
    # make-up workdays belong to the working-time calendar: like its
    # attendances, read by every employee, kept by administrators
    "resource.calendar.workday": (NONE, "r---", "r---", "r---", "r---", "r---"),
    # written by the scheduled generation only
    "customer.callback.generation.progress": (NONE, NONE, NONE, NONE, "r---", "r---"),
    # abstract models: no records, their methods are called by the code
    "customer.callback.generator": (NONE,) * 6,
    # the workday screen's data: each agent reads through it only what her
    # own rights let her read (test_workday)
    "customer.callback.workday": (NONE,) * 6,
    # the sample data's loader and remover (an abstract model): supervisors,
    # through its methods' own check (test_sample_data)
    "customer.callback.sample": (NONE,) * 6,
}


@tagged("post_install", "-at_install")
class TestReliability(AccessMatrixMixin, CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_access_profiles()

    def test_access_matrix_by_model_and_profile(self):
        """Model-level rights (ir.model.access) for every model of the addon."""
        self.assert_access_matrix(ACCESS_MATRIX)

    def test_access_matrix_lists_every_model_of_the_addon(self):
        self.assert_matrix_covers_module(ACCESS_MATRIX, "customer_callback")

    def test_record_rules_hold_through_every_path(self):
        self.agent1.group_ids += self.env.ref("base.group_allow_export")
        mine = self.make_callback(user_id=self.agent1.id, summary="mine")
        theirs = self.make_callback(self.partner_paris, user_id=self.agent2.id, summary="secret")
        Callback = self.env["customer.callback"].with_user(self.agent1)
        domain = [("id", "in", (mine | theirs).ids)]
        self.assertEqual(Callback.search(domain), mine)
        self.assertEqual(Callback._read_group(domain, [], ["__count"])[0][0], 1)
        exported = Callback.search(domain).export_data(["name", "summary"])["datas"]
        self.assertEqual(exported, [[mine.name, "mine"]])
        # through the partner's one2many (the ticket's: below)
        partner = self.partner_paris.with_user(self.agent1)
        self.assertFalse(partner.callback_ids)
        with self.assertRaises(AccessError):
            theirs.with_user(self.agent1).summary  # noqa: B018
        # the foreign company's supervisor sees none of it
        foreign = self.env["customer.callback"].with_user(self.foreign_supervisor)
        self.assertFalse(foreign.search(domain))

    def test_foreign_supervisor_reads_nothing_of_the_company(self):
        """A supervisor of another company, with full model rights, finds none
        of this company's records (search, grouping, export) and cannot
        read, change or delete them; shared records (no company) stay
        readable."""
        callback = self.make_callback(state="done", score=4, summary="ok", done_date=FROZEN_NOW)
        attempt = self.env["customer.callback.attempt"].create(
            {"callback_id": callback.id, "result": "connected", "attempt_date": FROZEN_NOW}
        )
        Occasion = self.env["customer.callback.occasion"]
        occasion = Occasion.create(
            {
                "name": "Company day",
                "company_id": self.company.id,
                "date_ids": [(0, 0, {"date": TODAY})],
            }
        )
        shared = Occasion.create({"name": "Shared day", "date_ids": [(0, 0, {"date": TODAY})]})
        script = self.env["customer.callback.script"].create(
            {"name": "Company script", "company_id": self.company.id}
        )
        records = (
            callback,
            attempt,
            occasion,
            occasion.date_ids,
            script,
            self.make_rule(),
        )
        foreign = self.foreign_supervisor
        for record in records:
            Model = record.with_user(foreign).browse()
            self.assertFalse(Model.search([("id", "in", record.ids)]), record)
            self.assertFalse(Model._read_group([("id", "in", record.ids)], [], ["__count"])[0][0])
            with self.assertRaises(AccessError, msg=f"{record} read"):
                record.with_user(foreign).read(["display_name"])
        for record in (occasion.date_ids, script):
            with self.assertRaises(AccessError, msg=f"{record} write"):
                record.with_user(foreign).write({record._rec_name: record[record._rec_name]})
            with self.assertRaises(AccessError, msg=f"{record} unlink"):
                record.with_user(foreign).unlink()
        self.assertTrue(shared.date_ids.with_user(foreign).read(["date"]))

    def test_agent_cannot_reach_another_team_callbacks(self):
        """Another team's callbacks stay hidden through the ticket's callbacks
        and raised-from callback (the spot-checks: customer_callback_spot_check's
        test_spot_check_reliability; the analysis report:
        customer_callback_report's test_report_reliability)."""
        self.agent1.group_ids += self.env.ref("base.group_allow_export")
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Shared ticket",
                "description": "<p>Two teams call this customer.</p>",
                "partner_id": self.partner_sh.id,
                "team_id": self.team.id,
                "user_id": self.agent1.id,
            }
        )
        mine = self.make_callback(
            ticket_id=ticket.id, state="done", score=5, summary="mine", done_date=FROZEN_NOW
        )
        theirs = self.make_callback(
            ticket_id=ticket.id,
            user_id=self.agent3.id,
            team_id=self.other_team.id,
            state="done",
            score=1,
            summary="secret",
            done_date=FROZEN_NOW,
        )
        raised = self.env["helpdesk.ticket"].create(
            {
                "name": "Raised by the other team",
                "description": "<p>From their callback.</p>",
                "partner_id": self.partner_sh.id,
                "team_id": self.team.id,
                "user_id": self.agent1.id,
                "origin_callback_id": theirs.id,
            }
        )
        # the agent's request starts with an empty cache (a transaction's cache
        # is shared by its users: the superuser's writes above filled it)
        self.env.invalidate_all()
        as_agent = ticket.with_user(self.agent1)
        self.assertEqual(as_agent.callback_ids, mine)
        self.assertEqual(as_agent.callback_count, 1)
        self.assertEqual(
            self.env["helpdesk.ticket"]
            .with_user(self.agent1)
            .search([("callback_ids.summary", "=", "secret")]),
            self.env["helpdesk.ticket"],
            "no search through the hidden callback",
        )
        with self.assertRaises(AccessError):
            raised.with_user(self.agent1).origin_callback_id.summary  # noqa: B018

    def test_interrupted_generation_resumes_without_gaps_or_duplicates(self):
        rule = self.make_rule(
            segment="care_occasion", trigger="birthday", offset_days=-5, window_days=7
        )
        # birthdays in two days: a callback due for each
        partners = self.env["res.partner"].create(
            [
                {"name": f"Resume {i}", "tz": "Asia/Shanghai", "birthday": "1985-11-25"}
                for i in range(6)
            ]
        )
        generator = self.env["customer.callback.generator"]
        # the other partners of the database are evaluated already today
        progress = self.set_generation_progress(partners[0].id - 1)
        original = type(generator)._generate
        calls = {"n": 0}

        def flaky(self_, partner_filter, triggers=None, today=None):
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("crash in the second batch")
            return original(self_, partner_filter, triggers=triggers, today=today)

        with patch.object(type(generator), "_generate", flaky):
            self.assertEqual(generator._generate_next_batch(batch_size=2), (2, 4))
            with self.assertRaises(RuntimeError):
                with self.env.cr.savepoint():
                    generator._generate_next_batch(batch_size=2)  # crashes: nothing kept
        self.assertEqual(len(self.callbacks_of(partners, rule)), 2)
        self.assertEqual(progress.last_partner_id, partners[1].id, "the first batch stays done")
        while True:
            _done, remaining = generator._generate_next_batch(batch_size=2)
            if not remaining:
                break
        self.assertEqual(generator._generate_next_batch(batch_size=50), (0, 0))
        callbacks = self.callbacks_of(partners, rule)
        self.assertEqual(len(callbacks), 6, "every partner once: no gap, no duplicate")

    def test_interrupted_overdue_handling_resumes_without_gaps_or_duplicates(self):
        """Expiry then the overdue digests, crashing in the digests' step
        after its work: expired callbacks stay expired once, the crashed step
        left nothing, and the next run writes one digest with one activity
        counting every overdue callback once."""
        self.company.callback_overdue_cancel_days = 10
        long_overdue = self.env["customer.callback"]
        for partner in (self.partner_sh, self.partner_paris, self.partner_ny):
            long_overdue |= self.make_callback(
                partner,
                deadline=TODAY - timedelta(days=11),
                planned_date=FROZEN_NOW - timedelta(days=12),
            )
        overdue = self.env["customer.callback"]
        for _i in range(4):
            overdue |= self.make_callback(
                deadline=TODAY - timedelta(days=2), planned_date=FROZEN_NOW - timedelta(days=3)
            )
        mine = Domain("id", "in", (long_overdue | overdue).ids)
        Callback = type(self.env["customer.callback"])
        expiry_domain = Callback._stale_expiry_domain
        Digest = self.env["customer.callback.escalation"]
        digest_domain = [
            ("leader_id", "=", self.supervisor.id),
            ("company_id", "=", self.company.id),
        ]

        def expiry_logs(callback):
            return self.env["mail.message"].search_count(
                [
                    ("model", "=", "customer.callback"),
                    ("res_id", "=", callback.id),
                    ("body", "ilike", "past its deadline"),
                ]
            )

        def run(crash=None):
            with cron_commits(self.env, crash=crash) as cron_run:
                self.env["customer.callback"]._cron_close_stale_callbacks(batch_size=2)
            return cron_run

        # only this test's callbacks expire in this run (the digests count
        # the test company's callbacks only)
        with patch.object(
            Callback, "_stale_expiry_domain", lambda m, t: expiry_domain(m, t) & mine
        ):
            with fail_on_call(Callback, "_escalate_overdue_step", 1):
                crashed = run(crash=RuntimeError)
            self.assertTrue(crashed.error, "the run crashed")
            self.assertEqual(crashed.commits, [(2, 1), (1, 0)], "the expiry batches committed")
            self.assertEqual(set(long_overdue.mapped("state")), {"cancelled"})
            self.assertEqual([expiry_logs(c) for c in long_overdue], [1, 1, 1])
            self.assertFalse(Digest.search(digest_domain), "the crashed step left nothing")
            self.assertFalse(
                self.env["mail.activity"].search([("user_id", "=", self.supervisor.id)])
            )
            # the next run does it (one step, as many digests as leaders with
            # overdue callbacks in the database), a later one writes nothing
            first = run().commits
            self.assertEqual(len(first), 1)
            self.assertEqual(first[0][1], 0)
            self.assertGreaterEqual(first[0][0], 1)
            self.assertEqual(run().commits, [], "the same figures: nothing written")
        self.assertEqual(set(overdue.mapped("state")), {"planned"})
        digest = Digest.search(digest_domain)
        self.assertEqual(len(digest), 1)
        self.assertEqual(overdue.escalation_id, digest)
        self.assertEqual((digest.new_count, digest.overdue_count), (4, 4), "counted once")
        self.assertEqual(len(digest.activity_ids), 1)
        self.assertFalse(overdue.activity_ids)
        self.assertEqual([expiry_logs(c) for c in long_overdue], [1, 1, 1], "expired once")
        self.assertFalse(long_overdue.activity_ids)

    def test_merging_partners_keeps_callbacks_and_recomputes(self):
        self.make_callback(state="done", score=5, summary="a", done_date=FROZEN_NOW)
        self.make_callback(
            self.partner_paris,
            state="done",
            score=1,
            summary="b",
            done_date=FROZEN_NOW - timedelta(days=1),
        )
        wizard = self.env["base.partner.merge.automatic.wizard"]
        wizard._merge((self.partner_sh | self.partner_paris).ids, self.partner_sh)
        self.assertFalse(self.partner_paris.exists())
        self.assertEqual(len(self.callbacks_of(self.partner_sh)), 2)
        self.assertEqual(self.partner_sh.callback_satisfaction, 3.0)
        self.assertEqual(self.partner_sh.last_callback_date, FROZEN_NOW)

    def test_bad_input_gets_clear_errors(self):
        callback = self.make_callback()
        for bad in (0, 6, 99, -3):
            with self.assertRaises(ValidationError):
                callback.write({"score": bad})
        with self.assertRaises(ValidationError):
            callback.write({"planned_date": FROZEN_NOW + timedelta(days=30), "deadline": TODAY})
        with self.assertRaises(ValidationError):
            self.company.write({"callback_holiday_from1": 13.0, "callback_holiday_to1": 10.0})
        with self.assertRaises(ValueError):
            callback.write({"channel": "pigeon"})
        # HTML in notes is stored as text and rendered escaped
        callback.write({"summary": "<script>alert(1)</script>"})
        self.assertEqual(callback.summary, "<script>alert(1)</script>")
        callback.message_post(body="<img src=x onerror=alert(1)>")
        self.assertNotIn("<img", str(callback.message_ids[0].body))


# Run in a subprocess: python3 -c SCRIPT db addons_path partner_id ready other.
# A request confirming an order generates its callbacks (``retrying``, as
# Odoo's HTTP layer runs a request: a transaction that met a serialization
# failure is run again after the other's commit).
GENERATE_AS_A_REQUEST = textwrap.dedent(
    """
    import os, sys, time
    from functools import partial
    db, addons_path, partner_id, ready, other = sys.argv[1:6]
    from odoo.tools import config
    config.parse_config(["-d", db, "--addons-path=" + addons_path, "--log-level=warn"])
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.service.model import retrying
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        # a file barrier: both processes generate at the same moment
        open(ready, "w").close()
        deadline = time.monotonic() + 60
        while not os.path.exists(other) and time.monotonic() < deadline:
            time.sleep(0.01)
        retrying(
            partial(
                env["customer.callback.generator"]._generate_for_partners,
                [int(partner_id)],
                triggers=("birthday",),
            ),
            env,
        )
    print("GENERATED", flush=True)
    """
)


@tagged("post_install", "-at_install")
class TestConcurrentGeneration(TransactionCase):
    """Two requests generating at once (e.g. an order confirmed twice with
    customer_callback_sale), in two processes, create each callback once, with
    consecutive serials. The data is committed in its own cursor and removed
    afterwards."""

    def test_two_processes_create_each_callback_once(self):
        registry = self.registry
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # a birthday in two days (a leap year: any day of the year exists)
            birthday = (fields.Date.today() + timedelta(days=2)).replace(year=1988)
            partner = env["res.partner"].create(
                {"name": "Concurrent customer", "tz": "Asia/Shanghai", "birthday": birthday}
            )
            rule = env["customer.callback.rule"].create(
                {
                    "name": "Concurrent rule",
                    "segment": "care_occasion",
                    "trigger": "birthday",
                    "offset_days": -5,
                    "window_days": 7,
                    "assignment": "team",
                }
            )
            env["customer.callback"]._callback_sequence(env.company, fields.Date.today())
            ids = {"partner": partner.id, "rule": rule.id}
        try:
            with tempfile.TemporaryDirectory() as folder:
                flags = [os.path.join(folder, name) for name in ("a", "b")]
                runs = [
                    start_script(
                        GENERATE_AS_A_REQUEST, self.cr.dbname, ids["partner"], mine, theirs
                    )
                    for mine, theirs in (flags, flags[::-1])
                ]
                results = [finish_script(run) for run in runs]
            # the run that loses the race leaves the callback out, without an error
            for code, out, err in results:
                self.assertEqual(code, 0, err)
                self.assertIn("GENERATED", out, err)
                self.assertNotIn("Traceback", err)
            with registry.cursor() as cr:
                cr.execute(
                    "SELECT count(*) FROM customer_callback WHERE partner_id = %s AND rule_id = %s",
                    [ids["partner"], ids["rule"]],
                )
                self.assertEqual(cr.fetchone()[0], 1)
        finally:
            with registry.cursor() as cr:
                cr.execute("DELETE FROM customer_callback WHERE partner_id = %s", [ids["partner"]])
                cr.execute("DELETE FROM customer_callback_rule WHERE id = %s", [ids["rule"]])
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["res.partner"].browse(ids["partner"]).unlink()


@tagged("post_install", "-at_install")
class TestJsonRpcBadInput(HttpCase):
    """Bad input as the web client sends it gets a clear error, not a crash."""

    def test_out_of_range_score_through_json_rpc(self):
        partner = self.env["res.partner"].create({"name": "RPC customer"})
        callback = self.env["customer.callback"].create(
            {"partner_id": partner.id, "user_id": self.env.ref("base.user_admin").id}
        )
        self.authenticate("admin", "admin")
        for values, error in (
            ({"score": 9}, "odoo.exceptions.ValidationError"),
            ({"channel": "pigeon"}, "builtins.ValueError"),
        ):
            # the server logs the refused request (odoo.http: expected here)
            with self.assertRaises(JsonRpcException) as raised, mute_logger("odoo.http"):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw/customer.callback/web_save",
                    {
                        "model": "customer.callback",
                        "method": "web_save",
                        "args": [[callback.id], values],
                        "kwargs": {"specification": {"score": {}}},
                    },
                )
            self.assertEqual(
                raised.exception.args[0] if raised.exception.args else str(raised.exception), error
            )
        callback.invalidate_recordset()
        self.assertFalse(callback.score)
