# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CallbackCase


@tagged("post_install", "-at_install")
class TestDefaults(CallbackCase):
    """Every number of SPEC §1-§3 ships as an editable default."""

    def test_company_defaults_are_the_sop_numbers(self):
        company = self.env["res.company"].create({"name": "Fresh company"})
        self.assertEqual(
            company._callback_windows(),
            {"workday": [(9.0, 12.0), (13.0, 20.0)], "holiday": [(10.0, 12.0), (13.0, 20.0)]},
        )
        policy = company._callback_attempt_policy()
        self.assertEqual(
            (
                policy.unreachable_attempts,
                policy.declined_attempts,
                policy.hung_up_score,
                policy.require_message,
            ),
            (3, 2, 3, True),
        )
        self.assertEqual(company.callback_record_minutes, 5)
        self.assertEqual(
            (company.callback_slot_afternoon, company.callback_slot_evening), (12.0, 18.0)
        )

    def test_default_rules_carry_the_sop_numbers(self):
        def rule(xmlid):
            return self.env.ref(f"customer_callback.{xmlid}").with_context(active_test=False)

        def deadline(r):
            return r.offset_days + r.window_days

        # (the order rules, new customer, second follow-up and usage, are
        # customer_callback_sale's: its test_defaults.py)
        complaint = rule("rule_complaint")
        self.assertEqual(
            (complaint.trigger, deadline(complaint), complaint.ignore_fatigue),
            ("ticket_closed", 3, True),
        )
        churn = rule("rule_churn_risk")
        self.assertEqual((churn.trigger, churn.period_months), ("no_recent_order", 3))
        quarterly = rule("rule_long_term_quarterly")
        self.assertEqual(
            (quarterly.segment, quarterly.period_months, quarterly.partner_tier),
            ("long_term", 3, "regular"),
        )
        anniversary = rule("rule_long_term_anniversary")
        self.assertEqual((anniversary.segment, anniversary.trigger), ("long_term", "anniversary"))
        vip = rule("rule_vip")
        self.assertEqual((vip.partner_tier, vip.period_months), ("vip", 1))
        for xmlid in ("rule_birthday", "rule_occasion"):
            care = rule(xmlid)
            # 3-5 days before
            self.assertEqual(
                (care.segment, care.offset_days, deadline(care)), ("care_occasion", -5, -3)
            )
        feedback = rule("rule_feedback_history")
        self.assertEqual((feedback.segment, feedback.trigger), ("feedback_history", "feedback"))
        segments = set(
            self.env["customer.callback.rule"]
            .with_context(active_test=False)
            .search([])
            .mapped("segment")
        )
        # every segment of the core's triggers has its default rule (new
        # customer, second follow-up and usage: the sale addon's order rules,
        # where it is installed)
        self.assertEqual(
            segments - {"new_customer", "second_followup", "usage"},
            {
                "complaint",
                "churn_risk",
                "long_term",
                "vip",
                "care_occasion",
                "feedback_history",
            },
        )
        self.assertEqual(self.company.callback_churn_days, 180)
        self.assertEqual(
            (self.company.callback_fatigue_max, self.company.callback_fatigue_days), (3, 30)
        )

    def test_occasions_ship_their_dates(self):
        spring = self.env.ref("customer_callback.occasion_spring_festival")
        self.assertIn("2027-02-06", [str(d) for d in spring.date_ids.mapped("date")])
        self.assertEqual(str(spring.next_date), "2027-02-06")
