# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Try the callback app with sample data (issue #29 point 2): loaded into the
user's company with the suite's own methods, refused twice, removed exactly,
the company's numbering without a gap."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from ..tools import sample_data
from .common import FROZEN_NOW, TODAY, CallbackCase

AGENT = "customer_callback.customer_callback_group_agent"
SUPERVISOR = "customer_callback.customer_callback_group_supervisor"
MODELS = (
    "res.partner",
    "customer.callback",
    "helpdesk.ticket",
    "customer.callback.consent",
)


class SampleDataCase(CallbackCase):
    """The sample's helpers (customer_callback_spot_check reuses them)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.company"].create({"name": "Second sample company"})
        cls.other.resource_calendar_id.tz = "Asia/Shanghai"
        cls.Sample = cls.env["customer.callback.sample"].with_user(cls.supervisor)

    def count(self, company):
        """Records of each kind in ``company`` (archived too)."""
        return {
            model: self.env[model]
            .with_context(active_test=False)
            .search_count([("company_id", "=", company.id)])
            for model in MODELS
        }

    def sample_partners(self):
        return self.env["res.partner"].with_context(active_test=False).search(
            [("company_id", "=", self.company.id), ("name", "like", "示例")]
        ) | self.env["res.partner"].with_context(active_test=False).search(
            [("company_id", "=", self.company.id), ("name", "like", "(sample)")]
        )


@tagged("post_install", "-at_install")
class TestSampleData(SampleDataCase):
    def test_load_into_the_users_company(self):
        other_before = self.count(self.other)
        self.assertFalse(self.Sample.get_sample_status()["loaded"])
        self.Sample.action_load_sample_data()
        status = self.Sample.get_sample_status()
        self.assertTrue(status["loaded"])
        partners = self.sample_partners()
        self.assertEqual(len(partners), len(sample_data.CUSTOMERS))
        self.assertEqual(status["customers"], len(partners))
        self.assertEqual(set(partners.mapped("company_id")), {self.company})
        self.assertIn("Asia/Shanghai", partners.mapped("tz"))
        self.assertIn("America/New_York", partners.mapped("tz"))
        callbacks = self.callbacks_of(partners)
        self.assertEqual(set(callbacks.mapped("company_id")), {self.company})
        # several kinds, some due today on the supervisor's workday
        self.assertGreaterEqual(len(set(callbacks.mapped("segment"))), 5)
        workday = self.env["customer.callback.workday"].with_user(self.supervisor)
        data = workday.get_workday_data()
        self.assertGreaterEqual(data["counts"]["callbacks"], 3)
        self.assertTrue(data["sample"]["loaded"])
        later = callbacks.filtered(lambda c: c.state == "planned" and c.deadline > TODAY)
        self.assertTrue(later, "callbacks planned later this week")
        # the second company is untouched
        self.assertEqual(self.count(self.other), other_before)
        # loading twice is refused
        with self.assertRaisesRegex(UserError, "already loaded"):
            self.Sample.action_load_sample_data()
        self.assertEqual(len(self.sample_partners()), len(sample_data.CUSTOMERS))

    def test_numbering_keeps_no_gap(self):
        """Sample callbacks take no serial of the company: its callbacks are
        numbered 001, 002, 003 around a sample loaded and removed."""
        first = self.make_callback()
        self.Sample.action_load_sample_data()
        callbacks = self.callbacks_of(self.sample_partners())
        self.assertTrue(callbacks)
        self.assertTrue(all(name.startswith("SAMPLE-") for name in callbacks.mapped("name")))
        self.assertEqual(len(set(callbacks.mapped("name"))), len(callbacks))
        second = self.make_callback()
        self.Sample.action_remove_sample_data()
        third = self.make_callback()
        month = FROZEN_NOW.strftime("%Y%m")
        self.assertEqual(
            (first | second | third).mapped("name"),
            [f"{month}001", f"{month}002", f"{month}003"],
        )

    def test_remove_exactly_the_sample(self):
        own_partner = self.env["res.partner"].create({"name": "客户自己的", "tz": "Asia/Shanghai"})
        own_callback = self.make_callback(own_partner)
        self.Sample.action_load_sample_data()
        partners = self.sample_partners()
        callbacks = self.callbacks_of(partners)
        # the user works on the sample: an attempt, a recording consent, a
        # callback of her own for a sample customer
        today_call = callbacks.filtered(lambda c: c.state == "planned")[:1]
        self.env["customer.callback.attempt"].create(
            {"callback_id": today_call.id, "result": "no_answer", "channel": "phone"}
        )
        today_call.recording_consent = True
        self.assertTrue(
            self.env["customer.callback.consent"].search([("partner_id", "in", partners.ids)])
        )
        self.make_callback(partners[0], user_id=self.supervisor.id)
        # the user's own work since: a team of hers stays
        self.Sample.action_remove_sample_data()
        self.assertFalse(partners.exists())
        self.assertFalse(callbacks.exists())
        self.assertFalse(self.env["ir.model.data"].search([("module", "=", sample_data.NAMESPACE)]))
        self.assertFalse(self.Sample.get_sample_status()["loaded"])
        self.assertTrue(own_partner.exists())
        self.assertTrue(own_callback.exists())
        self.assertEqual(self.team.exists(), self.team)
        # and it can be loaded again
        self.Sample.action_load_sample_data()
        self.assertEqual(len(self.sample_partners()), len(sample_data.CUSTOMERS))

    def test_sample_team_when_she_leads_none(self):
        """A team is created for a supervisor who leads none; removed with the
        sample unless the user's own records use it."""
        lead = new_test_user(
            self.env,
            "cb_new_lead",
            groups=SUPERVISOR,
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        Sample = self.env["customer.callback.sample"].with_user(lead)
        Sample.action_load_sample_data()
        team = self.env["helpdesk.ticket.team"].search([("user_id", "=", lead.id)])
        self.assertEqual(len(team), 1)
        self.assertIn(lead, team.user_ids)
        Sample.action_remove_sample_data()
        self.assertFalse(team.exists())
        Sample.action_load_sample_data()
        team = self.env["helpdesk.ticket.team"].search([("user_id", "=", lead.id)])
        own_callback = self.make_callback(team_id=team.id)
        result = Sample.action_remove_sample_data()
        self.assertEqual(team.exists(), team, "kept: a callback of the user's own uses it")
        self.assertIn(team.name, result["params"]["message"])
        self.assertEqual(own_callback.team_id, team)

    def test_agents_cannot_load_or_remove(self):
        Sample = self.env["customer.callback.sample"].with_user(self.agent1)
        for method in ("action_load_sample_data", "action_remove_sample_data", "get_sample_status"):
            with self.assertRaises(AccessError):
                getattr(Sample, method)()
        self.assertFalse(
            self.env["customer.callback.workday"]
            .with_user(self.agent1)
            .get_workday_data()["sample"]
        )


@tagged("post_install", "-at_install")
class TestSampleDataFromOutside(HttpCase):
    """Loading and removing as the web client sends them (JSON-RPC): an agent
    can do neither; a supervisor can, in her company."""

    def rpc(self, login, method):
        self.authenticate(login, login)
        self.env.flush_all()
        model = "customer.callback.sample"
        result = self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": [],
                "kwargs": {"context": {"allowed_company_ids": [self.company.id]}},
            },
        )
        self.env.invalidate_all()
        return result

    def test_agent_refused(self):
        self.company = self.env["res.company"].create({"name": "Sample RPC company"})
        own = {"company_id": self.company.id, "company_ids": [self.company.id]}
        new_test_user(self.env, "smp_agent_rpc", groups=AGENT, password="smp_agent_rpc", **own)
        new_test_user(self.env, "smp_sup_rpc", groups=SUPERVISOR, password="smp_sup_rpc", **own)
        Data = self.env["ir.model.data"]
        for method in ("action_load_sample_data", "action_remove_sample_data"):
            with self.assertRaises(JsonRpcException) as error:
                self.rpc("smp_agent_rpc", method)
            self.assertEqual(error.exception.args[0], "odoo.exceptions.AccessError")
        self.assertFalse(Data.search_count([("module", "=", sample_data.NAMESPACE)]))
        self.rpc("smp_sup_rpc", "action_load_sample_data")
        self.assertTrue(Data.search_count([("module", "=", sample_data.NAMESPACE)]))
        with self.assertRaises(JsonRpcException) as error:
            self.rpc("smp_agent_rpc", "action_remove_sample_data")
        self.assertEqual(error.exception.args[0], "odoo.exceptions.AccessError")
        self.assertTrue(Data.search_count([("module", "=", sample_data.NAMESPACE)]))
        self.rpc("smp_sup_rpc", "action_remove_sample_data")
        self.assertFalse(Data.search_count([("module", "=", sample_data.NAMESPACE)]))
