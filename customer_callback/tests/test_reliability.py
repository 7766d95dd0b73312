# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from datetime import timedelta
from unittest.mock import patch

from psycopg2.errors import TransactionRollbackError

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import FROZEN_NOW, TODAY, CallbackCase

# Expected access per model and profile: read, write, create, unlink.
# Record rules narrow these further (tested below).
ACCESS_MATRIX = {
    "customer.callback": {
        "portal": "----",
        "internal": "----",
        "agent": "rwc-",
        "supervisor": "rwcu",
        "foreign_supervisor": "rwcu",
    },
    "customer.callback.attempt": {
        "portal": "----",
        "internal": "----",
        "agent": "r-c-",
        "supervisor": "rwcu",
        "foreign_supervisor": "rwcu",
    },
    "customer.callback.rule": {
        "portal": "----",
        "internal": "----",
        "agent": "r---",
        "supervisor": "rwcu",
        "foreign_supervisor": "rwcu",
    },
    "customer.callback.script": {
        "portal": "----",
        "internal": "----",
        "agent": "r---",
        "supervisor": "rwcu",
        "foreign_supervisor": "rwcu",
    },
    "customer.callback.occasion": {
        "portal": "----",
        "internal": "----",
        "agent": "r---",
        "supervisor": "rwcu",
        "foreign_supervisor": "rwcu",
    },
    "customer.callback.occasion.date": {
        "portal": "----",
        "internal": "----",
        "agent": "r---",
        "supervisor": "rwcu",
        "foreign_supervisor": "rwcu",
    },
}
OPERATIONS = ("read", "write", "create", "unlink")


@tagged("post_install", "-at_install")
class TestReliability(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Reliability other company"})
        cls.profiles = {
            "portal": new_test_user(cls.env, "rel_portal", groups="base.group_portal"),
            "internal": new_test_user(cls.env, "rel_internal", groups="base.group_user"),
            "agent": cls.agent1,
            "supervisor": cls.supervisor,
            "foreign_supervisor": new_test_user(
                cls.env,
                "rel_foreign",
                groups="customer_callback.customer_callback_group_supervisor",
                company_id=cls.other_company.id,
                company_ids=[cls.other_company.id],
            ),
        }

    def test_access_matrix_by_model_and_profile(self):
        """Model-level rights (ir.model.access) for every model of the addon."""
        for model, expected in ACCESS_MATRIX.items():
            for profile, rights in expected.items():
                user = self.profiles[profile]
                for operation, flag in zip(OPERATIONS, rights, strict=True):
                    allowed = self.env[model].with_user(user).has_access(operation)
                    self.assertEqual(
                        allowed,
                        flag != "-",
                        f"{profile} {operation} {model}: expected {flag != '-'}",
                    )

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
        # through the partner's one2many and the ticket's
        partner = self.partner_paris.with_user(self.agent1)
        self.assertFalse(partner.callback_ids)
        with self.assertRaises(AccessError):
            theirs.with_user(self.agent1).summary  # noqa: B018
        # the foreign company's supervisor sees none of it
        foreign = self.env["customer.callback"].with_user(self.profiles["foreign_supervisor"])
        self.assertFalse(foreign.search(domain))

    def test_interrupted_generation_resumes_without_gaps_or_duplicates(self):
        rule = self.make_rule(segment="usage", trigger="order", offset_days=0, window_days=7)
        partners = self.env["res.partner"].create(
            [{"name": f"Resume {i}", "tz": "Asia/Shanghai"} for i in range(6)]
        )
        for partner in partners:
            order = self.env["sale.order"].create(
                {"partner_id": partner.id, "order_line": [(0, 0, {"product_id": self.product.id})]}
            )
            order.write({"state": "sale", "date_order": FROZEN_NOW})
        generator = self.env["customer.callback.generator"]
        params = self.env["ir.config_parameter"]
        params.set_param(
            "customer_callback.generate_cursor", str(partners[2].id)
        )  # batches 1.. done
        original = type(generator)._generate
        calls = {"n": 0}

        def flaky(self_, partner_filter, triggers=None, today=None):
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("crash in the second batch")
            return original(self_, partner_filter, triggers=triggers, today=today)

        with patch.object(type(generator), "_generate", flaky):
            generator._generate_next_batch(batch_size=2)  # partners 3-4
            with self.assertRaises(RuntimeError):
                with self.env.cr.savepoint():
                    generator._generate_next_batch(batch_size=2)  # crashes: cursor unchanged
        self.assertEqual(params.get_param("customer_callback.generate_cursor"), str(partners[4].id))
        while True:
            _done, remaining = generator._generate_next_batch(batch_size=2)
            if not remaining:
                break
        params.set_param("customer_callback.generate_cursor", "0")
        while True:
            _done, remaining = generator._generate_next_batch(batch_size=50)
            if not remaining:
                break
        callbacks = self.callbacks_of(partners, rule)
        self.assertEqual(len(callbacks), 6, "every partner once: no gap, no duplicate")

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


@tagged("post_install", "-at_install")
class TestConcurrentGeneration(TransactionCase):
    """Two cron executions at once create each callback once (real cursors)."""

    def test_two_cursors_create_each_callback_once(self):
        registry = self.registry
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create(
                {"name": "Concurrent customer", "tz": "Asia/Shanghai"}
            )
            product = env["product.product"].create({"name": "Concurrent product"})
            order = env["sale.order"].create(
                {"partner_id": partner.id, "order_line": [(0, 0, {"product_id": product.id})]}
            )
            order.write({"state": "sale", "date_order": fields.Datetime.now()})
            rule = env["customer.callback.rule"].create(
                {
                    "name": "Concurrent rule",
                    "segment": "usage",
                    "trigger": "order",
                    "window_days": 7,
                    "assignment": "team",
                }
            )
            env["customer.callback"]._allocate_names(env.company, fields.Date.today(), 1)
            ids = {"partner": partner.id, "product": product.id, "order": order.id, "rule": rule.id}
        barrier = threading.Barrier(2)
        errors, successes = [], []

        def generate():
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                barrier.wait(timeout=10)
                env["customer.callback.generator"]._generate_for_partners(
                    [ids["partner"]], triggers=("order",)
                )

        def run():
            try:
                generate()
                successes.append(True)
            except TransactionRollbackError as error:
                # The run that loses the race aborts on a serialization
                # failure; Odoo retries it (next cron run, or the request).
                errors.append(error)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=run) for _i in range(2)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            self.assertTrue(successes, errors)
            self.assertTrue(all(isinstance(e, TransactionRollbackError) for e in errors), errors)
            if errors:  # the retry creates nothing new
                barrier = threading.Barrier(1)
                generate()
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
                cr.execute("DELETE FROM sale_order WHERE id = %s", [ids["order"]])
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["product.product"].browse(ids["product"]).product_tmpl_id.unlink()
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
            with self.assertRaises(JsonRpcException) as raised:
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
