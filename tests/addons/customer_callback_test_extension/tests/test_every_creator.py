# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every way the suite creates callbacks goes through ``create()``: the
required field with a default, the ``create()`` stamp and the stored compute
of this test addon are set on each of them; and the contact-fatigue cap
holds whoever creates the callbacks."""

from datetime import date

from odoo.tests import tagged

from odoo.addons.customer_callback_spot_check.tools import sampling
from odoo.addons.customer_callback_survey.tests.common import SurveyCase

# a birthday in two days (the frozen clock: 23 November 2026)
BIRTHDAY = date(1985, 11, 25)


@tagged("post_install", "-at_install")
class TestEveryCreatorUsesCreate(SurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closed_stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.company.callback_fatigue_max = 0  # no cap unless a test sets one

    def assert_extended(self, callbacks, segment=None, placed=True):
        self.assertTrue(callbacks, "a callback was created")
        for callback in callbacks:
            self.assertEqual(callback.x_test_region, "north", "the required field's default")
            self.assertEqual(callback.x_test_stamp, f"stamped:{segment or callback.segment}")
            self.assertEqual(
                callback.x_test_label, f"{callback.name}/{callback.partner_id.name}", "compute"
            )
            self.assertRegex(callback.name, r"^\d{9}$")
            self.assertEqual(callback.state, "planned")
            if placed:
                self.assert_in_window(callback)

    def birthday_rule(self):
        return self.make_rule(
            segment="care_occasion", trigger="birthday", offset_days=-5, window_days=7
        )

    def test_scheduled_generation(self):
        rule = self.birthday_rule()
        (self.partner_sh | self.partner_ny).birthday = BIRTHDAY
        # the partners before these two were evaluated today
        self.set_generation_progress(min(self.partner_sh.id, self.partner_ny.id) - 1)
        generator = self.env["customer.callback.generator"]
        processed, remaining = generator._generate_next_batch(batch_size=100)
        self.assertGreaterEqual(processed, 2)
        self.assertEqual(remaining, 0)
        self.assert_extended(self.callbacks_of(self.partner_sh | self.partner_ny, rule))

    def test_order_confirmation(self):
        # the sales orders are customer_callback_sale's, which bin/test installs
        # (this addon does not depend on it: an upgrade from before the sales cut
        # installs that addon itself, bin/test-upgrade)
        sale = self.env["ir.module.module"]._get("customer_callback_sale")
        if sale.state != "installed":
            self.skipTest("customer_callback_sale is not installed")
        rule = self.make_rule(segment="usage", trigger="order")
        product = self.env["product.product"].create({"name": "Extension product"})
        order = self.env["sale.order"].create(
            {
                "partner_id": self.partner_paris.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        self.assert_extended(self.callbacks_of(self.partner_paris, rule))

    def test_complaint_closing(self):
        rule = self.make_rule(
            segment="complaint", trigger="ticket_closed", window_days=3, ignore_fatigue=True
        )
        ticket = self.make_ticket()
        ticket.stage_id = self.closed_stage_done
        callback = self.callbacks_of(self.partner_sh, rule)
        self.assert_extended(callback)
        self.assertEqual(callback.ticket_id, ticket)

    def test_spot_check_sampling(self):
        batch = self.env["customer.callback.spot.check"].create(
            {"date_from": date(2025, 1, 1), "leader_id": self.supervisor.id}
        )
        chosen = [sampling.Candidate(self.partner_paris.id, agent_id=self.agent1.id)]
        callback = batch._create_spot_check_callbacks(chosen)
        self.assert_extended(callback, "spot_check")
        self.assertEqual(callback.spot_check_id, batch)

    def test_survey_follow_up(self):
        request = self.close(self.make_ticket())
        self.send()
        user_input = self.answer(request.user_input_id, [2, 2, 2, 2], suggestion="Too slow.")
        followup = self.callbacks_of(self.partner_sh).filtered(
            lambda c: c.survey_input_id == user_input
        )
        self.assert_extended(followup)
        self.assertEqual(request.followup_callback_id, followup)

    def test_call_instead_of_a_survey(self):
        self.partner_paris.write({"email": False, "phone": False})
        request = self.close(self.make_ticket(self.partner_paris))
        self.send()
        self.assertEqual(request.state, "no_contact")
        request.with_user(self.agent1).action_create_call()
        self.assert_extended(request.call_callback_id)

    def test_spot_check_draws_nobody_at_the_cap(self):
        """The sample is drawn among the customers the cap lets through, so a
        batch keeps its size."""
        self.company.write(
            {
                "callback_fatigue_max": 1,
                "callback_fatigue_days": 30,
                "callback_spot_check_min_size": 1,
                "callback_spot_check_below_min": "warn",
            }
        )
        self.env["res.partner"].search([("callback_vip", "=", True)]).callback_vip = False
        (self.partner_sh | self.partner_ny).callback_vip = True
        self.make_callback(self.partner_sh, state="done", planned_date=self.env.cr.now())
        batch = self.env["customer.callback.spot.check"].create(
            {
                "date_from": date(2025, 1, 1),
                "leader_id": self.supervisor.id,
                "sample_size": 2,
                "use_after_sales": False,
                "use_complaints": False,
                "use_reviews": False,
            }
        )
        batch.with_user(self.supervisor)._sample(seed=7)
        self.assertEqual(batch.eligible_size, 1, "the customer at the cap is not eligible")
        self.assertEqual(batch.callback_ids.partner_id, self.partner_ny)

    def test_call_instead_is_exempt_from_the_cap(self):
        """The call replaces the survey the SOP demands: not one contact more."""
        self.company.write({"callback_fatigue_max": 1, "callback_fatigue_days": 30})
        self.make_callback(self.partner_paris, planned_date=self.env.cr.now())
        self.partner_paris.write({"email": False, "phone": False})
        request = self.close(self.make_ticket(self.partner_paris))
        self.send()
        self.assertEqual(request.state, "no_contact")
        request.with_user(self.agent1).action_create_call()
        self.assert_extended(request.call_callback_id)

    def test_manual_creation(self):
        # the user's own planned date is kept (action_plan moves it into a window)
        self.assert_extended(self.make_callback(self.partner_ny), placed=False)

    def test_fatigue_cap_holds_across_creators(self):
        """A customer reached by the generation, then drawn by a spot-check,
        then answering a survey badly, all in one fatigue period: the cap (1)
        lets the first callback through, and the follow-ups that must be made
        (low survey score, complaint) pass it."""
        self.company.write({"callback_fatigue_max": 1, "callback_fatigue_days": 30})
        rule = self.birthday_rule()
        self.partner_sh.birthday = BIRTHDAY
        self.env["customer.callback.generator"]._generate_for_partners(self.partner_sh.ids)
        generated = self.callbacks_of(self.partner_sh, rule)
        self.assertEqual(len(generated), 1)
        batch = self.env["customer.callback.spot.check"].create(
            {"date_from": date(2025, 1, 1), "leader_id": self.supervisor.id}
        )
        spot = batch._create_spot_check_callbacks(
            [sampling.Candidate(self.partner_sh.id, agent_id=self.agent1.id)]
        )
        self.assertFalse(spot, "the spot-check respects the cap")
        first_ticket = self.make_ticket()
        request = self.close(first_ticket)
        self.send()
        user_input = self.answer(request.user_input_id, [1, 1, 1, 1], suggestion="Bad.")
        # the supervisor's call after a low score must be made, like a complaint
        # follow-up: exempt from the cap (issue #27; it was refused before)
        followup = self.callbacks_of(self.partner_sh).filtered(
            lambda c: c.survey_input_id == user_input
        )
        self.assertEqual(len(followup), 1, "the survey follow-up is exempt from the cap")
        self.assertEqual(self.callbacks_of(self.partner_sh), generated | followup)
        # another customer, not contacted yet, still gets the spot-check
        spot = batch._create_spot_check_callbacks(
            [sampling.Candidate(self.partner_ny.id, agent_id=self.agent1.id)]
        )
        self.assertEqual(spot.partner_id, self.partner_ny)
        # a rule that must call (complaint follow-up) is exempt from the cap
        complaint_rule = self.make_rule(
            segment="complaint", trigger="ticket_closed", window_days=3, ignore_fatigue=True
        )
        second_ticket = self.make_ticket()
        second_ticket.stage_id = self.closed_stage_done
        self.assertEqual(
            self.callbacks_of(self.partner_sh, complaint_rule).ticket_id,
            first_ticket | second_ticket,
            "one callback per closed complaint, whatever the cap",
        )
