# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter
from datetime import date, datetime, timedelta

import freezegun
import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, CallbackCase
from odoo.addons.customer_callback.tools import call_window

from ..tools import sampling

MONTH = date(2026, 11, 1)


class SpotCheckCase(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closed_stage = cls.env["helpdesk.ticket.stage"].search([("closed", "=", True)], limit=1)
        cls.delivery = cls.env["helpdesk.ticket.category"].create({"name": "Courier problem"})
        cls.other_category = cls.env["helpdesk.ticket.category"].create(
            {"name": "Invoice question"}
        )
        cls.company.write(
            {
                "callback_spot_check_category_ids": [(6, 0, cls.delivery.ids)],
                "callback_supervisor_id": cls.supervisor.id,
            }
        )
        # the SOP's sample rules, whatever the database's settings (the demo lowers them)
        cls.company.write(
            {"callback_spot_check_min_size": 50, "callback_spot_check_below_min": "refuse"}
        )
        # The pools are the test company's own tickets and callbacks; only the
        # VIP pool also takes customers shared by every company, so the shared
        # VIP customers of the database (demo data) are no VIPs here.
        cls.env["res.partner"].search(
            [("callback_vip", "=", True), ("company_id", "=", False)]
        ).callback_vip = False

    @classmethod
    def make_partner(cls, name, **values):
        return cls.env["res.partner"].create(dict({"name": name, "tz": "Asia/Shanghai"}, **values))

    @classmethod
    def make_ticket(cls, partner, agent, close=True, **values):
        ticket = cls.env["helpdesk.ticket"].create(
            dict(
                {
                    "name": f"Problem of {partner.name}",
                    "description": "<p>problem</p>",
                    "partner_id": partner.id,
                    "user_id": agent.id if agent else False,
                    "team_id": cls.team.id,
                    "company_id": cls.company.id,
                },
                **values,
            )
        )
        if close:
            ticket.stage_id = cls.closed_stage
        return ticket

    def make_batch(self, **values):
        vals = {"date_from": MONTH, "leader_id": self.supervisor.id, "company_id": self.company.id}
        vals.update(values)
        return self.env["customer.callback.spot.check"].with_user(self.supervisor).create(vals)

    def spot_callback(self, batch, partner, **values):
        vals = {
            "segment": "spot_check",
            "spot_check_id": batch.id,
            "checked_user_id": self.agent1.id,
            "user_id": self.agent2.id,
        }
        vals.update(values)
        return self.make_callback(partner, **vals)


@tagged("post_install", "-at_install")
class TestSpotCheckDefaults(SpotCheckCase):
    def test_settings_and_batch_defaults(self):
        company = self.env["res.company"].create({"name": "Fresh company"})
        self.assertEqual(company.callback_spot_check_min_size, 50)
        self.assertEqual(company.callback_spot_check_below_min, "refuse")
        self.assertEqual(company.callback_spot_check_due_day, 27)
        self.assertEqual(company.callback_spot_check_cap, 2)
        self.assertEqual(company.callback_spot_check_cap_months, 12)
        self.assertEqual(company.callback_spot_check_reply_minutes, 30)
        self.assertEqual(company.callback_satisfaction_target, 4.0)
        batch = self.make_batch(date_from=date(2026, 11, 17))
        self.assertEqual(batch.date_from, MONTH)
        self.assertEqual(batch.date_to, date(2026, 11, 30))
        self.assertEqual(batch.due_date, date(2026, 11, 27))
        self.assertEqual(batch.sample_size, 50)
        self.assertEqual(batch.satisfaction_target, 4.0)
        self.assertEqual(batch.supervisor_id, self.supervisor)
        self.assertEqual(batch.complaint_category_ids, self.delivery)
        self.assertEqual(batch.name, "Spot-check 2026-11")
        self.assertEqual(batch.state, "draft")
        # one batch per month and company
        with (
            self.assertRaises(psycopg2.IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.make_batch()
        # due day past the month's end: the last day
        self.company.callback_spot_check_due_day = 31
        self.assertEqual(self.make_batch(date_from=date(2027, 2, 1)).due_date, date(2027, 2, 28))

    def test_bad_settings_and_filters_are_refused(self):
        with self.assertRaises(ValidationError):
            self.company.callback_spot_check_due_day = 32
        with self.assertRaises(ValidationError):
            self.company.callback_satisfaction_target = 6
        with self.assertRaises(ValidationError):
            self.company.callback_spot_check_cap = -1
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.make_batch(vip_domain="[('no_such_field', '=', 1)]")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.make_batch(after_sales_domain="not a domain (")
        # below the minimum: refused by default, allowed when the company warns
        with (
            self.assertRaisesRegex(ValidationError, "At least 50 customers"),
            self.env.cr.savepoint(),
        ):
            self.make_batch(sample_size=10)
        self.company.callback_spot_check_below_min = "warn"
        self.assertEqual(self.make_batch(sample_size=10).sample_size, 10)


@tagged("post_install", "-at_install")
class TestSpotCheckSampling(SpotCheckCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.callback_spot_check_min_size = 3
        P = cls.make_partner
        # after-sales tickets closed this month: 6 customers of agent1, 3 of agent2
        cls.a1 = [P(f"A1 customer {i}") for i in range(6)]
        cls.a2 = [P(f"A2 customer {i}") for i in range(3)]
        for partner in cls.a1:
            cls.make_ticket(partner, cls.agent1)
        for partner in cls.a2:
            cls.make_ticket(partner, cls.agent2)
        # a VIP customer without ticket
        cls.vip = P("VIP customer", callback_vip=True)
        cls.vip_excluded = P("VIP hidden", callback_vip=True)
        # a ticket still open and one closed last month: not in the pool
        cls.open_ticket_partner = P("Open ticket")
        cls.make_ticket(cls.open_ticket_partner, cls.agent1, close=False)
        cls.last_month = P("Last month")
        with freezegun.freeze_time(datetime(2026, 10, 15, 3, 0)):
            cls.make_ticket(cls.last_month, cls.agent1)

    def pool_ids(self, batch):
        return {c.partner_id for c in batch._pool_candidates()}

    def test_pool_sources(self):
        """The core's sources (after-sales, reviews, VIPs); the complaints
        source takes nothing here (customer_callback_complaint fills it)."""
        complaint = self.make_partner("Courier problem")
        self.make_ticket(complaint, self.agent2, close=False, category_id=self.delivery.id)
        reviewed = self.make_partner("Reviewed customer")
        review = self.make_callback(reviewed, user_id=self.agent2.id)
        review.write({"score": 2, "state": "done", "done_date": FROZEN_NOW})
        batch = self.make_batch(vip_domain=f"[('id', '!=', {self.vip_excluded.id})]")
        candidates = {c.partner_id: c for c in batch._pool_candidates()}
        expected = {p.id for p in self.a1 + self.a2} | {self.vip.id, reviewed.id}
        self.assertEqual(set(candidates), expected)
        self.assertEqual(candidates[self.a1[0].id].agent_id, self.agent1.id)
        self.assertEqual(candidates[self.a1[0].id].source, "after_sales")
        self.assertTrue(candidates[self.a1[0].id].ticket_id)
        self.assertEqual(candidates[reviewed.id].source, "review")
        self.assertEqual(candidates[reviewed.id].agent_id, self.agent2.id)
        self.assertEqual(candidates[self.vip.id].source, "vip")
        self.assertIsNone(candidates[self.vip.id].agent_id)
        # sources can be switched off
        batch.write({"use_after_sales": False, "use_reviews": False, "use_vip": False})
        self.assertEqual(batch._pool_candidates(), [])
        # extra domain on after-sales tickets: one agent only
        batch.write(
            {"use_after_sales": True, "after_sales_domain": f"[('user_id', '=', {self.agent2.id})]"}
        )
        self.assertEqual(self.pool_ids(batch), {p.id for p in self.a2})

    def test_exclusions(self):
        dnc, open_cb, capped, capped_long_ago = self.a1[:4]
        dnc.callback_do_not_call = True
        self.make_callback(open_cb)  # planned: an open callback
        # two earlier spot-checks within 12 months, two others 14 months ago
        for month in (date(2026, 5, 1), date(2026, 8, 1), date(2025, 9, 1), date(2025, 8, 1)):
            earlier = self.make_batch(date_from=month)
            partner = capped if month.year == 2026 else capped_long_ago
            self.spot_callback(earlier, partner, state="done", score=4)
        # a cancelled spot-check does not count
        self.spot_callback(
            self.make_batch(date_from=date(2026, 6, 1)), self.a1[4], state="cancelled"
        )
        batch = self.make_batch(sample_size=50)
        pool = batch._pool_candidates()
        candidates = {c.partner_id: c for c in pool}
        self.assertTrue(candidates[dnc.id].do_not_call)
        self.assertTrue(candidates[open_cb.id].open_callback)
        self.assertEqual(candidates[capped.id].prior_checks, 2)
        self.assertEqual(candidates[capped_long_ago.id].prior_checks, 0)
        self.assertEqual(candidates[self.a1[4].id].prior_checks, 0)
        self.company.callback_spot_check_below_min = "warn"
        warning = batch._sample(seed=5)
        self.assertIn("8 customers drawn of the 50 asked (the pool held 8 eligible", warning)
        sampled = batch.callback_ids.partner_id
        self.assertEqual(len(sampled), 8)
        self.assertNotIn(dnc, sampled)
        self.assertNotIn(open_cb, sampled)
        self.assertNotIn(capped, sampled)
        self.assertIn(capped_long_ago, sampled)
        self.assertIn(
            "1 do-not-call, 1 with an open callback, 1 already spot-checked 2 times",
            batch.sampling_note,
        )
        self.assertEqual((batch.pool_size, batch.eligible_size), (11, 8))
        # a cap of 3 lets the customer in again
        kept, excluded = sampling.eligible(pool, 3)
        self.assertEqual(excluded["cap"], 0)
        self.assertIn(capped.id, {c.partner_id for c in kept})

    def test_sampling_is_reproducible_and_stratified(self):
        batch = self.make_batch(sample_size=5, caller_ids=[(6, 0, (self.agent1 | self.agent2).ids)])
        pool = batch._pool_candidates()
        expected = sampling.sample(pool, 5, 4242, cap=2)
        self.assertEqual(expected, sampling.sample(batch._pool_candidates(), 5, 4242, cap=2))
        self.assertEqual(batch._sample(seed=4242), "")
        self.assertEqual(batch.state, "sampled")
        self.assertEqual(batch.seed, 4242)
        callbacks = batch.callback_ids
        self.assertEqual(set(callbacks.partner_id.ids), {c.partner_id for c in expected.chosen})
        # 1 per stratum, then the remaining 2 by largest remainder (5/7 and 2/7)
        by_agent = Counter(callbacks.mapped(lambda c: c.checked_user_id.id or None))
        self.assertEqual(by_agent, Counter({self.agent1.id: 2, self.agent2.id: 2, None: 1}))
        for callback in callbacks:
            self.assertEqual(callback.segment, "spot_check")
            self.assertEqual(callback.state, "planned")
            self.assertEqual(
                callback.script_id, self.env.ref("customer_callback_spot_check.script_spot_check")
            )
            self.assertNotEqual(
                callback.user_id, callback.checked_user_id, "nobody checks their own work"
            )
            self.assertTrue(
                callback.ticket_id or callback.partner_id in (self.vip | self.vip_excluded)
            )
            self.assertEqual(callback.deadline, date(2026, 11, 27))
            self.assert_in_window(callback)
        # the supervisor receives the list by the due date
        activity = batch.activity_ids
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertEqual(activity.date_deadline, date(2026, 11, 27))
        with self.assertRaisesRegex(UserError, "already sampled"):
            batch._sample()

    def test_small_pool_drawn_whole_with_its_shortfall(self):
        """A pool smaller than the sample is drawn whole; the lead sees the
        shortfall against the monthly minimum on the batch, in its chatter
        and in the list (issue #27; on the dashboard: customer_callback_report)."""
        self.company.callback_spot_check_min_size = 50
        batch = self.make_batch()
        # the wizard says it before drawing
        wizard = (
            self.env["customer.callback.spot.check.wizard"]
            .with_user(self.supervisor)
            .create({"spot_check_id": batch.id, "sample_size": 50})
        )
        self.assertTrue(wizard.pool_short)
        self.assertIn("every eligible customer will be drawn", wizard.pool_warning)
        self.assertIn("11 eligible customers", wizard.pool_warning)
        action = wizard.action_sample()
        # the warning alone: Odoo would join a title with a Latin ". " (#29)
        self.assertNotIn("title", action["params"])
        self.assertIn("11 customers drawn of the 50 asked", action["params"]["message"])
        self.assertEqual(batch.state, "sampled")
        self.assertEqual(len(batch.callback_ids), 11)
        self.assertEqual(
            (batch.eligible_size, batch.drawn_size, batch.minimum_size, batch.shortfall),
            (11, 11, 50, 39),
        )
        self.assertIn("11 customers drawn of the 50 asked", batch.sampling_note)
        self.assertIn("39 short of the monthly minimum of 50", batch.message_ids[:1].body)
        # the list and the form show it (field in the views)
        list_arch = batch.get_views([(False, "list"), (False, "form")])["views"]
        self.assertIn('name="shortfall"', list_arch["list"]["arch"])
        self.assertIn("o_spot_check_shortfall", list_arch["form"]["arch"])
        # a later change of the minimum does not rewrite the month's figure
        self.company.callback_spot_check_min_size = 5
        self.assertEqual(batch.shortfall, 39)

    def test_empty_pool_refused_with_a_clear_message(self):
        batch = self.make_batch(
            use_after_sales=False, use_complaints=False, use_reviews=False, use_vip=False
        )
        with self.assertRaisesRegex(UserError, "No eligible customer was found"):
            batch._sample()
        self.assertEqual(batch.state, "draft")
        self.assertFalse(batch.callback_ids)
        self.assertEqual(batch.shortfall, 0)

    def test_wizard_creates_and_samples_a_batch(self):
        Wizard = self.env["customer.callback.spot.check.wizard"].with_user(self.supervisor)
        with Form(Wizard) as form:
            form.date_from = date(2026, 11, 10)
            form.sample_size = 4
            form.seed = 99
        wizard = form.record
        self.assertFalse(wizard.pool_short)
        action = wizard.action_sample()
        batch = self.env["customer.callback.spot.check"].browse(action["res_id"])
        self.assertEqual(batch.date_from, MONTH)
        self.assertEqual(batch.state, "sampled")
        self.assertEqual(len(batch.callback_ids), 4)
        self.assertEqual(batch.seed, 99)
        # without callers, the team's agents make the calls, not the lead
        self.assertTrue(batch.callback_ids.user_id)
        self.assertLessEqual(batch.callback_ids.user_id, self.agent1 | self.agent2)


@tagged("post_install", "-at_install")
class TestSpotCheckSpread(SpotCheckCase):
    """Calls drawn without callers are spread over the team's agents and the
    call windows; the lead rebalances them (issue #16 point 11)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent3 = new_test_user(
            cls.env,
            "cb_agent3",
            groups="customer_callback.customer_callback_group_agent",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.team.user_ids = [(4, cls.agent3.id)]
        cls.company.write({"callback_spot_check_min_size": 1, "callback_spot_check_spacing": 15})
        # agent 1's work: 5 customers, agent 2's: 3; agent 3 already has 2 open callbacks
        cls.partners = cls.env["res.partner"]
        for index in range(8):
            partner = cls.make_partner(f"抽查客户 {index}", phone="+86 10 8888")
            cls.make_ticket(partner, cls.agent1 if index < 5 else cls.agent2)
            cls.partners |= partner
        for index in range(2):
            cls.env["customer.callback"].create(
                {
                    "partner_id": cls.make_partner(f"Busy {index}").id,
                    "company_id": cls.company.id,
                    "user_id": cls.agent3.id,
                    "state": "planned",
                    "planned_date": FROZEN_NOW,
                }
            )

    def draw(self):
        batch = self.make_batch(
            sample_size=8, use_complaints=False, use_reviews=False, use_vip=False
        )
        batch._sample(seed=7)
        self.assertEqual(len(batch.callback_ids), 8)
        return batch

    def assert_spread(self, callbacks):
        spacing = timedelta(minutes=self.company.callback_spot_check_spacing)
        bounds = self.company._callback_slot_bounds()
        for agent in callbacks.user_id:
            planned = sorted(
                callbacks.filtered(lambda c, a=agent: c.user_id == a).mapped("planned_date")
            )
            for before, after in zip(planned, planned[1:], strict=False):
                self.assertGreaterEqual(after - before, spacing, f"{agent.name}: {planned}")
            slots = {sampling_slot(moment, bounds) for moment in planned}
            if len(planned) > 1:
                self.assertGreater(len(slots), 1, f"{agent.name}'s calls go round the windows")
        for callback in callbacks:
            self.assertNotEqual(callback.user_id, callback.checked_user_id)
            self.assert_in_window(callback)

    def test_calls_spread_over_the_team_not_the_lead(self):
        batch = self.draw()
        callbacks = batch.callback_ids
        self.assertNotIn(self.supervisor, callbacks.user_id, "the lead checks, agents call")
        # one agent's calls at distinct moments (assert_spread), not all at one minute
        self.assertGreater(len(set(callbacks.mapped("planned_date"))), 2)
        # balanced by open load: agent 3 already had 2 open callbacks
        given = Counter(callback.user_id.id for callback in callbacks)
        totals = [given[self.agent1.id], given[self.agent2.id], given[self.agent3.id] + 2]
        self.assertEqual(sum(totals), 10)
        self.assertLessEqual(max(totals) - min(totals), 1, totals)
        self.assert_spread(callbacks)

    def test_rebalance_over_chosen_agents(self):
        batch = self.draw()
        started = batch.callback_ids.filtered(lambda c: c.user_id == self.agent2)[:1]
        started.with_user(self.agent2).action_start()
        self.assertEqual(started.state, "in_progress")
        wizard = (
            self.env["customer.callback.spot.check.rebalance"]
            .with_user(self.supervisor)
            .create({"spot_check_id": batch.id, "user_ids": [(6, 0, self.agent3.ids)]})
        )
        self.assertEqual(wizard.call_count, 7)
        wizard.action_rebalance()
        moved = batch.callback_ids - started
        self.assertEqual(moved.user_id, self.agent3)
        self.assertEqual(started.user_id, self.agent2, "a started call stays with its caller")
        self.assert_spread(moved)
        self.assertIn("7 calls rebalanced", batch.message_ids[0].body)
        # back over agents 1 and 2: agent 1 never checks her own work
        batch.with_user(self.supervisor)._rebalance(self.agent1 | self.agent2)
        self.assertEqual(moved.user_id, self.agent1 | self.agent2)
        self.assert_spread(moved)

    def test_only_supervisors_rebalance(self):
        batch = self.draw()
        with self.assertRaises(AccessError):
            batch.with_user(self.agent1)._rebalance(self.agent2)
        with self.assertRaises(AccessError):
            self.env["customer.callback.spot.check.rebalance"].with_user(self.agent1).create(
                {"spot_check_id": batch.id}
            )


def sampling_slot(moment, bounds):
    return call_window.slot_at(moment, "Asia/Shanghai", bounds)


@tagged("post_install", "-at_install")
class TestSpotCheckScoring(SpotCheckCase):
    def log(self, callback, result, when):
        with freezegun.freeze_time(when):
            return (
                callback.with_user(self.agent2)
                .with_context(attempt_result=result)
                .action_log_attempt()
            )

    def test_scoring_with_every_attempt_outcome(self):
        batch = self.make_batch()
        batch.state = "sampled"
        P = self.make_partner
        hung_up = self.spot_callback(batch, P("Hung up"))
        unreachable = self.spot_callback(batch, P("Unreachable"))
        declined = self.spot_callback(batch, P("Declined"))
        very_satisfied = self.spot_callback(batch, P("Very satisfied"))
        satisfied = self.spot_callback(
            batch, P("Satisfied"), checked_user_id=self.agent2.id, user_id=self.agent1.id
        )
        dissatisfied = self.spot_callback(batch, P("Dissatisfied"))
        very_satisfied_2 = self.spot_callback(batch, P("Very satisfied 2"))
        still_open = self.spot_callback(batch, P("Still open"))
        self.log(hung_up, "hung_up", datetime(2026, 11, 23, 2, 0))
        self.assertEqual(batch.state, "in_progress", "the first call starts the batch")
        for when, result in (
            (datetime(2026, 11, 23, 2, 0), "no_answer"),
            (datetime(2026, 11, 23, 6, 0), "busy"),
            (datetime(2026, 11, 23, 11, 0), "switched_off"),
            (datetime(2026, 11, 23, 11, 5), "message_sent"),
        ):
            self.log(unreachable, result, when)
        self.log(declined, "declined", datetime(2026, 11, 23, 2, 0))
        self.log(declined, "declined", datetime(2026, 11, 23, 11, 0))
        self.assertEqual(
            (hung_up.state, hung_up.score, unreachable.state, declined.state),
            ("done", 3, "unreachable", "declined"),
        )
        # connected calls: the score is asked before closing
        spot = very_satisfied.with_user(self.agent2)
        spot.write({"summary": "rated"})
        with self.assertRaisesRegex(UserError, "Ask the customer for a score"):
            spot.action_done()
        spot.write({"score": 5, "praise": "Thank agent 1 for the quick fix"})
        spot.action_done()
        very_satisfied_2.write({"score": 5, "summary": "ok"})
        very_satisfied_2.action_done()
        satisfied.write({"score": 4, "summary": "ok", "feedback": "Suggest faster delivery"})
        satisfied.action_done()
        dissatisfied.write({"score": 1, "summary": "angry"})
        with self.assertRaisesRegex(UserError, "Record why the customer is dissatisfied"):
            dissatisfied.action_done()
        dissatisfied.write({"feedback": "Nobody called back"})
        dissatisfied.action_done()
        # hand-computed: scores 3 (hung up), 5, 5, 4, 1 -> 18 / 5 = 3.6
        self.assertEqual(batch.scored_count, 5)
        self.assertEqual(batch.score_sum, 18)
        self.assertAlmostEqual(batch.satisfaction, 3.6)
        self.assertFalse(batch.target_met)
        self.assertEqual([batch[f"score_{n}_count"] for n in (1, 2, 3, 4, 5)], [1, 0, 1, 1, 2])
        self.assertEqual(
            (batch.unreachable_count, batch.declined_count, batch.open_count), (1, 1, 1)
        )
        self.assertEqual(batch.callback_count, 8)
        # t interval: s^2 = (0.36 + 1.96 + 1.96 + 0.16 + 6.76) / 4 = 2.8, t(4) = 2.7764
        margin = 2.7764 * (2.8**0.5) / 5**0.5
        self.assertAlmostEqual(batch.confidence_low, 3.6 - margin, places=2)
        self.assertAlmostEqual(batch.confidence_high, 5.0, places=2)  # clipped to the scale
        batch.satisfaction_target = 3.5
        self.assertTrue(batch.target_met)
        # the batch closes once nothing is open
        with self.assertRaisesRegex(UserError, "still open"):
            batch.with_user(self.supervisor).action_done()
        still_open.action_cancel()
        batch.invalidate_recordset()
        batch.with_user(self.supervisor).action_done()
        self.assertEqual(batch.state, "done")

    def test_dissatisfied_customer_gets_a_complaint(self):
        batch = self.make_batch(team_id=self.team.id)
        spot = self.spot_callback(batch, self.make_partner("Unhappy"), state="in_progress")
        spot.write({"score": 4})
        with self.assertRaisesRegex(UserError, "scored 1 or 2"):
            spot.with_user(self.agent2).action_open_spot_check_complaint()
        spot.write({"score": 2, "feedback": "The courier was rude"})
        self.assertFalse(spot.spot_check_complaint_id)
        action = spot.with_user(self.agent2).action_open_spot_check_complaint()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.origin_callback_id, spot)
        self.assertEqual(ticket.partner_id, spot.partner_id)
        self.assertEqual(ticket.user_id, self.supervisor)
        self.assertIn("The courier was rude", str(ticket.description))
        self.assertEqual(spot.promised_date, FROZEN_NOW + timedelta(minutes=30))
        self.assertEqual(spot.problem_status, "pending")
        spot.invalidate_recordset()
        self.assertEqual(spot.spot_check_complaint_id, ticket)
        # the agent can open it; a second click does not open another one
        ticket.with_user(self.agent2).read(["name"])
        again = spot.with_user(self.agent2).action_open_spot_check_complaint()
        self.assertEqual(again["res_id"], ticket.id)
        self.company.callback_spot_check_reply_minutes = 45
        other = self.spot_callback(
            batch, self.make_partner("Unhappy 2"), state="in_progress", score=1
        )
        other.with_user(self.agent2).action_open_spot_check_complaint()
        self.assertEqual(other.promised_date, FROZEN_NOW + timedelta(minutes=45))


@tagged("post_install", "-at_install")
class TestSpotCheckAccess(SpotCheckCase):
    def test_only_supervisors_create_and_sample(self):
        with self.assertRaises(AccessError):
            self.env["customer.callback.spot.check"].with_user(self.agent1).create(
                {"date_from": MONTH}
            )
        with self.assertRaises(AccessError):
            self.env["customer.callback.spot.check.wizard"].with_user(self.agent1).create(
                {"date_from": MONTH}
            )
        batch = self.make_batch()
        mine = self.spot_callback(
            batch, self.make_partner("Mine"), user_id=self.agent1.id, checked_user_id=self.agent2.id
        )
        with self.assertRaises(AccessError):
            batch.with_user(self.agent1)._sample()
        with self.assertRaises(AccessError):
            batch.with_user(self.agent1).write({"sample_size": 60})
        # the agent reads the batch of their own spot-checks, not the others
        self.assertEqual(mine.with_user(self.agent1).spot_check_id.name, batch.name)
        other = self.make_batch(date_from=date(2026, 10, 1))
        with self.assertRaises(AccessError):
            other.with_user(self.agent1).read(["name"])

    def test_agents_see_only_their_spot_checks(self):
        batch = self.make_batch()
        assigned = self.spot_callback(
            batch,
            self.make_partner("For agent 1"),
            user_id=self.agent1.id,
            checked_user_id=self.agent2.id,
        )
        about_me = self.spot_callback(
            batch,
            self.make_partner("Checks agent 1"),
            user_id=self.agent2.id,
            checked_user_id=self.agent1.id,
        )
        visible = (
            self.env["customer.callback"]
            .with_user(self.agent1)
            .search([("spot_check_id", "=", batch.id)])
        )
        self.assertEqual(visible, assigned)
        with self.assertRaises(AccessError):
            about_me.with_user(self.agent1).read(["score"])
        # the batch figures are the whole batch's, whoever reads them
        about_me.write({"state": "done", "score": 2})
        assigned.write({"state": "done", "score": 4})
        self.assertEqual(batch.with_user(self.agent1).scored_count, 2)


@tagged("post_install", "-at_install")
class TestSpotCheckName(SpotCheckCase):
    """A batch has a name without the lead typing one; hers is kept (#29)."""

    def test_default_name_follows_the_month(self):
        Batch = self.env["customer.callback.spot.check"].with_user(self.supervisor)
        with Form(Batch) as form:
            form.date_from = date(2026, 10, 1)
            self.assertEqual(form.name, "Spot-check 2026-10")
            form.date_from = date(2026, 9, 15)
            self.assertEqual(form.name, "Spot-check 2026-09")
            form.name = "Q3 courier check"
            form.date_from = date(2026, 8, 1)
            self.assertEqual(form.name, "Q3 courier check")
        self.assertEqual(form.record.name, "Q3 courier check")
        self.assertEqual(form.record.date_from, date(2026, 8, 1))
        # created from code without a name, in the user's language
        batch = self.make_batch(date_from=date(2026, 7, 9))
        self.assertEqual(batch.name, "Spot-check 2026-07")
        self.assertEqual(
            self.make_batch(date_from=date(2026, 6, 1), name="").name, "Spot-check 2026-06"
        )
