# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's promises (README, *Demo data*), checked on the database's own
demo data, whatever the day it was installed: CI installs the demo at other
moments too (``bin/test-at``, ``.ci/run``), and these tests say which promise
a moment broke (issue #27)."""

from unittest import SkipTest

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoPromises(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Installed without demo data (``odoo -i customer_callback`` as OCA's
        # CI may run it): nothing to check. bin/test installs the demo, and
        # fails on a skipped test.
        if not cls.env.ref("base.module_customer_callback").demo:
            raise SkipTest("customer_callback was installed without its demo data")
        cls.company = cls.env.ref("base.main_company")
        cls.planned = cls.env.ref(
            "customer_callback.demo_callback_planned", raise_if_not_found=False
        )
        cls.Callback = cls.env["customer.callback"].with_context(active_test=False)

    def test_demo_is_installed(self):
        # installed with its demo data: a missing demo (its install failed) fails here
        self.assertTrue(self.planned, "the demo data of customer_callback is not installed")

    def test_callbacks_in_every_state(self):
        domain = [("company_id", "=", self.company.id)]
        states = {
            state: count
            for state, count in self.Callback._read_group(domain, ["state"], ["__count"])
        }
        for state in ("draft", "planned", "in_progress", "done", "unreachable", "declined"):
            self.assertTrue(states.get(state), f"no demo callback in state {state}: {states}")
        reasons = {
            reason
            for (reason,) in self.Callback._read_group(
                domain + [("state", "=", "cancelled")], ["close_reason"]
            )
        }
        # expired past the deadline (the one cancelled by hand is a complaint's
        # follow-up: customer_callback_complaint's demo)
        self.assertIn("expired", reasons, "expired past its deadline")
        # and, since issue #30, a greeting the contact-fatigue cap refused up
        # to its deadline (a demo customer called often) is recorded as such
        self.assertLessEqual(reasons, {"manual", "expired", "fatigue"})
        self.assertTrue(
            self.Callback.search_count(domain + [("close_reason", "=", "hung_up")]),
            "a hung-up call",
        )
        scores = set(self.Callback.search(domain + [("state", "=", "done")]).mapped("score"))
        self.assertLessEqual({1, 2, 3, 4, 5}, scores, "done with scores 1 to 5")
        today = fields.Date.context_today(self.Callback)
        self.assertTrue(
            self.Callback.search_count(
                domain + [("state", "in", ("planned", "in_progress")), ("deadline", "<", today)]
            ),
            "an overdue callback",
        )
        self.assertTrue(
            self.env["customer.callback.escalation"].search_count(
                [("company_id", "=", self.company.id), ("date", "=", today)]
            ),
            "the overdue callbacks are in today's digest of the team leader",
        )
