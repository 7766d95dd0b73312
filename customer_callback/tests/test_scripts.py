# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CallbackCase
from .i18n_check import load_language


@tagged("post_install", "-at_install")
class TestScriptsOfEveryRule(CallbackCase):
    """No empty script tab: the churn-risk rule has a script, and a callback
    of a rule created without one takes its rule's (#29)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_language(cls.env, "zh_CN")
        cls.win_back = cls.env.ref("customer_callback.script_win_back")
        cls.churn = cls.env.ref("customer_callback.rule_churn_risk")

    def test_every_default_rule_has_a_script(self):
        rules = (
            self.env["customer.callback.rule"]
            .with_context(active_test=False)
            .search([("company_id", "=", self.env.ref("base.main_company").id)])
        )
        defaults = rules.filtered(lambda rule: rule.get_external_id()[rule.id])
        self.assertTrue(defaults)
        self.assertFalse(defaults.filtered(lambda rule: not rule.script_id).mapped("name"))
        self.assertEqual(self.churn.script_id, self.win_back)

    def test_churn_risk_callback_reads_its_script(self):
        rule = self.make_rule(
            segment="churn_risk",
            trigger="no_recent_order",
            period_months=3,
            window_days=14,
            script_id=self.win_back.id,
        )
        # created without a script (a form, an import, another addon)
        callback = self.make_callback(rule_id=rule.id)
        self.assertEqual(callback.script_id, self.win_back)
        self.partner_sh.lang = "zh_CN"
        callback.invalidate_recordset(["script_html"])
        self.assertIn("好久没有和您联系了", callback.script_html)
        self.assertIn(self.agent1.name, callback.script_html)
        self.partner_sh.lang = "en_US"
        callback.invalidate_recordset(["script_html"])
        self.assertIn("We have not heard from you for a while", callback.script_html)
        # a script given is kept, even none
        self.assertFalse(self.make_callback(rule_id=rule.id, script_id=False).script_id)

    def test_existing_database_gets_the_script_unless_chosen(self):
        link = self.env["customer.callback.rule"]._link_default_script
        self.churn.script_id = False
        link("customer_callback.rule_churn_risk", "customer_callback.script_win_back")
        self.assertEqual(self.churn.script_id, self.win_back)
        usage = self.env.ref("customer_callback.script_usage")
        self.churn.script_id = usage
        link("customer_callback.rule_churn_risk", "customer_callback.script_win_back")
        self.assertEqual(self.churn.script_id, usage)
        # a rule deleted by the user: nothing to do, no error
        link("customer_callback.no_such_rule", "customer_callback.script_win_back")
