# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

import freezegun

from odoo.tests import new_test_user, tagged

from .common import FROZEN_NOW, TODAY, CallbackCase


@tagged("post_install", "-at_install")
class TestStale(CallbackCase):
    def run_stale_batches(self, batch_size=1000):
        """Every batch, as the scheduler runs them: the database may hold
        other overdue callbacks (demo data loaded on another day), expired or
        escalated in batches of their own before this test's."""
        for _batch in range(100):
            processed, _remaining = self.env["customer.callback"]._close_stale_batch(
                batch_size=batch_size
            )
            if not processed:
                return
        self.fail("overdue handling did not finish in 100 batches")

    def digests_of(self, leader):
        return self.env["customer.callback.escalation"].search(
            [("leader_id", "=", leader.id), ("company_id", "=", self.company.id)],
            order="date, id",
        )

    def make_overdue(self, agent, team=None, days=2):
        return self.make_callback(
            user_id=agent.id if agent else False,
            team_id=(team or self.team).id,
            deadline=TODAY - timedelta(days=days),
            planned_date=FROZEN_NOW - timedelta(days=days + 1),
        )

    def make_second_team(self):
        leader2 = new_test_user(
            self.env,
            "cb_leader2",
            groups="customer_callback.customer_callback_group_supervisor",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        agent3 = new_test_user(
            self.env,
            "cb_agent3",
            groups="customer_callback.customer_callback_group_agent",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        team2 = self.env["helpdesk.ticket.team"].create(
            {"name": "Second team", "user_ids": [(6, 0, agent3.ids)], "user_id": leader2.id}
        )
        return leader2, agent3, team2

    def test_overdue_escalates_in_one_digest_per_leader_and_day(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["customer_callback"], ["zh_CN"])
        self.supervisor.lang = "zh_CN"
        leader2, agent3, team2 = self.make_second_team()
        overdue = (
            self.make_overdue(self.agent1)
            | self.make_overdue(self.agent1, days=5)
            | self.make_overdue(self.agent2)
            | self.make_overdue(False)
        )
        other_team = self.make_overdue(agent3, team2)
        on_time = self.make_callback(self.partner_paris, deadline=TODAY + timedelta(days=1))
        Callback = self.env["customer.callback"]
        self.run_stale_batches(batch_size=2)  # three batches, one digest
        digest = self.digests_of(self.supervisor)
        self.assertEqual(len(digest), 1)
        self.assertEqual((digest.date, digest.state), (TODAY, "current"))
        self.assertEqual(overdue.escalation_id, digest)
        self.assertEqual(set(overdue.mapped("escalation_date")), {TODAY})
        self.assertFalse(overdue.activity_ids, "no activity per callback any more")
        self.assertFalse(on_time.escalation_id)
        self.assertEqual((digest.new_count, digest.overdue_count), (4, 4))
        activity = digest.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertEqual(activity.date_deadline, TODAY)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("customer_callback.mail_activity_type_callback_overdue_digest"),
        )
        note = str(activity.note)
        self.assertIn(f"{self.agent1.name}: 2", note)
        self.assertIn(f"{self.agent2.name}: 1", note)
        self.assertIn("逾期", note, "in the team leader's language")
        self.assertLess(note.index(self.agent1.name), note.index(self.agent2.name))
        # the other team's leader gets her own digest
        digest2 = self.digests_of(leader2)
        self.assertEqual(other_team.escalation_id, digest2)
        self.assertEqual(digest2.activity_ids.user_id, leader2)
        self.assertIn(f"{agent3.name}: 1", str(digest2.activity_ids.note))
        # the digest opens the leader's overdue callbacks, as the leader
        action = digest.with_user(self.supervisor).action_view_overdue()
        self.assertEqual(action["res_model"], "customer.callback")
        listed = Callback.with_user(self.supervisor).search(action["domain"])
        self.assertEqual(listed, overdue)
        # a second run the same day adds nothing
        self.run_stale_batches()
        self.assertEqual(Callback._close_stale_batch(), (0, 0), "nothing left to do")
        self.assertEqual(self.digests_of(self.supervisor), digest)
        self.assertEqual(len(digest.activity_ids), 1)
        # one more callback overdue the same day: the same digest and activity
        late = self.make_overdue(self.agent2, days=1)
        self.run_stale_batches()
        self.assertEqual(late.escalation_id, digest)
        self.assertEqual(len(digest.activity_ids), 1)
        self.assertEqual((digest.new_count, digest.overdue_count), (5, 5))
        self.assertIn(f"{self.agent2.name}: 2", str(digest.activity_ids.note))

    def test_next_day_digest_replaces_the_previous_one(self):
        first = self.make_overdue(self.agent1) | self.make_overdue(self.agent2)
        self.run_stale_batches()
        yesterday = self.digests_of(self.supervisor)
        old_activity = yesterday.activity_ids
        self.assertEqual(len(old_activity), 1)
        # the next day: one more callback is overdue, one of the first is done
        first[1].sudo().write({"state": "done"})
        newly = self.make_callback(
            self.partner_paris, deadline=TODAY, planned_date=FROZEN_NOW - timedelta(days=1)
        )
        tomorrow = FROZEN_NOW + timedelta(days=1)
        with freezegun.freeze_time(tomorrow), patch.object(self.env.cr, "now", lambda: tomorrow):
            self.run_stale_batches()
            self.assertEqual(self.env["customer.callback"]._close_stale_batch(), (0, 0))
        digests = self.digests_of(self.supervisor)
        self.assertEqual(len(digests), 2)
        self.assertEqual(digests[0], yesterday)
        today_digest = digests[1]
        self.assertEqual(today_digest.date, TODAY + timedelta(days=1))
        self.assertEqual(today_digest.state, "current")
        self.assertEqual(yesterday.state, "replaced")
        self.assertFalse(yesterday.activity_ids, "the replaced digest's activity is done")
        self.assertFalse(old_activity.exists() and old_activity.active)
        self.assertEqual(newly.escalation_id, today_digest)
        self.assertEqual(first[0].escalation_id, yesterday, "escalated once")
        # still overdue: the first day's open one and the new one
        self.assertEqual((today_digest.new_count, today_digest.overdue_count), (1, 2))
        self.assertEqual(len(today_digest.activity_ids), 1)
        self.assertEqual(today_digest.activity_ids.date_deadline, TODAY + timedelta(days=1))
        with freezegun.freeze_time(tomorrow):
            listed = self.env["customer.callback"].search(
                today_digest.action_view_overdue()["domain"]
            )
        self.assertEqual(listed, first[0] | newly)

    def test_long_overdue_expire(self):
        self.company.callback_overdue_cancel_days = 10
        old = self.make_callback(
            deadline=TODAY - timedelta(days=11), planned_date=FROZEN_NOW - timedelta(days=12)
        )
        recent = self.make_callback(
            self.partner_paris,
            deadline=TODAY - timedelta(days=9),
            planned_date=FROZEN_NOW - timedelta(days=10),
        )
        self.run_stale_batches()
        self.assertEqual(old.state, "cancelled")
        self.assertEqual(old.close_reason, "expired")
        self.assertEqual(recent.state, "planned")
        self.company.callback_overdue_cancel_days = 0  # never
        older = self.make_callback(
            self.partner_ny,
            deadline=TODAY - timedelta(days=100),
            planned_date=FROZEN_NOW - timedelta(days=101),
        )
        self.run_stale_batches()
        self.assertEqual(older.state, "planned")

    def test_batches_cover_everything(self):
        callbacks = self.env["customer.callback"]
        for _i in range(5):
            callbacks |= self.make_callback(
                deadline=TODAY - timedelta(days=1), planned_date=FROZEN_NOW - timedelta(days=2)
            )
        total = 0
        while True:
            processed, remaining = self.env["customer.callback"]._close_stale_batch(batch_size=2)
            total += processed
            if not processed:
                break
        self.assertTrue(all(callbacks.mapped("escalation_date")))
        digest = callbacks.escalation_id
        self.assertEqual(len(digest), 1, "three batches, one digest")
        self.assertEqual(digest.new_count, 5)
        self.assertEqual(len(digest.activity_ids), 1)
        self.assertFalse(callbacks.activity_ids)
