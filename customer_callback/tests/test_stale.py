# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

import freezegun

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import FROZEN_NOW, TODAY, CallbackCase, load_migration


@tagged("post_install", "-at_install")
class TestStale(CallbackCase):
    def run_stale_batches(self, batch_size=1000):
        """The overdue handling as the scheduler runs it, without its
        commits: every expiry batch (the database may hold other overdue
        callbacks, demo data loaded on another day), then the digests."""
        Callback = self.env["customer.callback"]
        for _batch in range(100):
            processed, _remaining = Callback._close_stale_batch(batch_size=batch_size)
            if not processed:
                break
        else:
            self.fail("overdue expiry did not finish in 100 batches")
        return Callback._escalate_overdue_step()

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
        self.run_stale_batches()
        digest = self.digests_of(self.supervisor)
        self.assertEqual(len(digest), 1)
        self.assertEqual((digest.date, digest.state), (TODAY, "current"))
        self.assertEqual(digest.team_ids, self.team)
        self.assertEqual(overdue.escalation_id, digest)
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
        # a second run the same day writes nothing
        self.assertEqual(self.run_stale_batches(), (0, 0), "the same figures")
        self.assertEqual(Callback._close_stale_batch(), (0, 0), "nothing left to expire")
        self.assertEqual(self.digests_of(self.supervisor), digest)
        self.assertEqual(len(digest.activity_ids), 1)
        self.assertEqual((digest.new_count, digest.overdue_count), (4, 4))
        # one more callback overdue the same day: the same digest and activity
        late = self.make_overdue(self.agent2, days=1)
        self.run_stale_batches()
        self.assertEqual(late.escalation_id, digest)
        self.assertEqual(len(self.digests_of(self.supervisor)), 1)
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
            # the open callback of the first day is listed again, not new
            self.assertEqual((first[0] | newly).escalation_id, digests[1])
        self.assertEqual(len(digests), 2)
        self.assertEqual(digests[0], yesterday)
        today_digest = digests[1]
        self.assertEqual(today_digest.date, TODAY + timedelta(days=1))
        self.assertEqual(today_digest.state, "current")
        self.assertEqual(yesterday.state, "replaced")
        self.assertFalse(yesterday.activity_ids, "the replaced digest's activity is done")
        self.assertFalse(old_activity.exists() and old_activity.active)
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

    def test_the_digests_cost_the_same_whatever_the_backlog(self):
        """The digests count the overdue callbacks in grouped queries: the
        queries of a run do not grow with the number of overdue callbacks
        (a run used to write every one of them)."""
        for agent in (self.agent1, self.agent2, False):
            self.make_overdue(agent)
        self.run_stale_batches()
        digest = self.digests_of(self.supervisor)
        self.assertEqual(digest.new_count, 3)

        def queries_of_a_run():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.run_stale_batches()
            return self.cr.sql_log_count - before

        few = queries_of_a_run()
        self.make_callback(
            user_id=self.agent1.id,
            team_id=self.team.id,
            deadline=TODAY - timedelta(days=3),
            planned_date=FROZEN_NOW - timedelta(days=4),
        )
        # (within the company's 30 days before overdue callbacks expire)
        for days in range(2, 30):
            self.make_overdue((self.agent1, self.agent2, False)[days % 3], days=days)
        many = queries_of_a_run()
        self.assertEqual((digest.new_count, digest.overdue_count), (32, 32))
        self.assertLessEqual(many, few + 1, f"{few} queries for 3 overdue, {many} for 32")
        self.assertEqual(len(digest.activity_ids), 1)
        self.assertFalse(
            self.env["customer.callback"].search(digest._callbacks_domain()).activity_ids
        )

    def test_digest_closed_when_nothing_is_overdue_any_more(self):
        overdue = self.make_overdue(self.agent1) | self.make_overdue(self.agent2)
        self.run_stale_batches()
        digest = self.digests_of(self.supervisor)
        activity = digest.activity_ids
        self.assertEqual(len(activity), 1)
        # the agents call both back the same day: the digest closes
        overdue.sudo().write({"state": "done"})
        self.run_stale_batches()
        self.assertEqual(digest.state, "replaced")
        self.assertEqual((digest.new_count, digest.overdue_count), (0, 0))
        self.assertFalse(digest.activity_ids, "its activity is done")
        done = self.env["mail.message"].search(
            [("model", "=", digest._name), ("res_id", "=", digest.id)], order="id desc", limit=1
        )
        self.assertIn("No overdue callbacks", str(done.body))
        self.assertFalse(overdue.escalation_id)
        # a callback overdue later that day: the same digest, current again
        late = self.make_overdue(self.agent2, days=1)
        self.run_stale_batches()
        self.assertEqual(self.digests_of(self.supervisor), digest)
        self.assertEqual(digest.state, "current")
        self.assertEqual(len(digest.activity_ids), 1)
        self.assertEqual(late.escalation_id, digest)

    def test_next_day_without_overdue_closes_the_previous_digest(self):
        overdue = self.make_overdue(self.agent1)
        self.run_stale_batches()
        yesterday = self.digests_of(self.supervisor)
        overdue.sudo().write({"state": "done"})
        tomorrow = FROZEN_NOW + timedelta(days=1)
        with freezegun.freeze_time(tomorrow), patch.object(self.env.cr, "now", lambda: tomorrow):
            self.run_stale_batches()
        self.assertEqual(self.digests_of(self.supervisor), yesterday, "no digest of nothing")
        self.assertEqual(yesterday.state, "replaced")
        self.assertFalse(yesterday.activity_ids)

    def test_a_team_moving_to_another_leader_moves_its_callbacks(self):
        leader2, _agent3, team2 = self.make_second_team()
        mine = self.make_overdue(self.agent1)
        moved = self.make_overdue(self.agent2, team=team2)
        self.run_stale_batches()
        digest, digest2 = self.digests_of(self.supervisor), self.digests_of(leader2)
        self.assertEqual((digest.overdue_count, digest2.overdue_count), (1, 1))
        # the second team gets the first leader: her digest takes its callbacks
        team2.user_id = self.supervisor
        self.run_stale_batches()
        self.assertEqual(digest.team_ids, self.team | team2)
        self.assertEqual(digest.overdue_count, 2)
        self.assertEqual((mine | moved).escalation_id, digest)
        self.assertEqual(digest2.state, "replaced", "nothing overdue is hers any more")
        listed = self.env["customer.callback"].search(digest.action_view_overdue()["domain"])
        self.assertEqual(listed, mine | moved)

    def test_migration_gives_old_digests_their_teams_and_logs_old_escalations(self):
        """19.0.1.5.0: a digest of 19.0.1.4.0 listed the callbacks stamped
        with it; it gets their teams. Each stamped escalation date goes to the
        callback's chatter before the column is dropped."""
        leader2, agent3, team2 = self.make_second_team()
        yesterday = TODAY - timedelta(days=1)
        digest = self.env["customer.callback.escalation"].create(
            {"leader_id": self.supervisor.id, "company_id": self.company.id, "date": yesterday}
        )
        stamped = self.make_overdue(self.agent1) | self.make_overdue(agent3, team2)
        no_team = self.make_callback(
            user_id=self.agent2.id,
            team_id=False,
            deadline=TODAY - timedelta(days=2),
            planned_date=FROZEN_NOW - timedelta(days=3),
        )
        legacy = self.make_overdue(self.agent2, days=20)
        self.env.flush_all()
        # the columns of 19.0.1.4.0 (this version has no such fields)
        self.cr.execute(
            "ALTER TABLE customer_callback ADD COLUMN escalation_id integer, "
            "ADD COLUMN escalation_date date"
        )
        self.cr.execute(
            "UPDATE customer_callback SET escalation_id = %s, escalation_date = %s "
            "WHERE id = ANY(%s)",
            [digest.id, yesterday, (stamped | no_team).ids],
        )
        self.cr.execute(
            "UPDATE customer_callback SET escalation_date = %s WHERE id = %s",
            [TODAY - timedelta(days=19), legacy.id],
        )
        module = load_migration("19.0.1.5.0")
        module.migrate(self.env.cr, "19.0.1.4.0")
        self.env.invalidate_all()
        self.assertEqual(digest.team_ids, self.team | team2)
        self.assertTrue(digest.without_team)
        for callback, day in ((stamped[0], yesterday), (legacy, TODAY - timedelta(days=19))):
            logged = callback.message_ids.filtered(lambda m: "Escalated" in str(m.body))
            self.assertEqual(len(logged), 1)
            self.assertIn(fields.Date.to_string(day), str(logged.body))
        self.assertIsNone(module.migrate(self.env.cr, None), "a fresh install has nothing to do")
