# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDefaultOrderRules(TransactionCase):
    """The default order rules carry the SOPs' numbers (moved from
    customer_callback's test_defaults.py with the rules)."""

    def test_default_rules_carry_the_sop_numbers(self):
        def rule(xmlid):
            return self.env.ref(f"customer_callback_sale.{xmlid}").with_context(active_test=False)

        def deadline(r):
            return r.offset_days + r.window_days

        new = rule("rule_new_customer")
        self.assertEqual(
            (new.segment, new.trigger, new.offset_days, deadline(new)),
            ("new_customer", "first_order", 3, 7),
        )
        self.assertEqual(new.script_id, self.env.ref("customer_callback.script_after_delivery"))
        second = rule("rule_second_followup")
        self.assertEqual(
            (second.trigger, second.source_rule_id, second.offset_days), ("callback_done", new, 7)
        )
        usage = rule("rule_usage")
        self.assertEqual((usage.trigger, deadline(usage)), ("order", 30))
        self.assertEqual(
            (new | second | usage).mapped("segment"), ["new_customer", "second_followup", "usage"]
        )
