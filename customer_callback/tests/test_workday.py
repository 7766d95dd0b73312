# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The agent's day (issue #16 points 5, 6, 7, 9, 10): whom she may call now,
today in her own day, tickets raised from calls, the chatter's empty score,
times in the reader's timezone."""

from datetime import date, datetime, timedelta

import freezegun

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import FROZEN_NOW, TODAY, CallbackCase

HOUR = timedelta(hours=1)


@tagged("post_install", "-at_install")
class TestCallableNow(CallbackCase):
    """Frozen at Monday 23 November 2026 10:00 in Shanghai: 03:00 in Paris,
    Sunday 21:00 in New York (past the holiday windows, 10-12 and 13-20)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent1.tz = "Asia/Shanghai"
        cls.sh = cls.make_callback(cls, cls.partner_sh, planned_date=FROZEN_NOW + 2 * HOUR)
        cls.paris = cls.make_callback(cls, cls.partner_paris, planned_date=FROZEN_NOW - HOUR)
        cls.ny = cls.make_callback(cls, cls.partner_ny, planned_date=FROZEN_NOW - 2 * HOUR)

    def as_agent(self):
        return self.env["customer.callback"].with_user(self.agent1).with_context(tz="Asia/Shanghai")

    def test_local_time_and_window_open_now(self):
        callbacks = (self.sh | self.paris | self.ny).with_context(tz="Asia/Shanghai")
        self.assertEqual(callbacks.mapped("customer_local_time"), ["10:00", "03:00", "11-22 21:00"])
        self.assertEqual(callbacks.mapped("callable_now"), [True, False, False])
        self.assertFalse(callbacks[0].next_window_note)
        # Paris opens at 09:00 there, 16:00 in Shanghai; New York on Monday 09:00, 22:00 here
        self.assertIn("09:00", callbacks[1].next_window_note)
        self.assertIn("16:00", callbacks[1].next_window_note)
        self.assertIn("(Europe/Paris)", callbacks[1].next_window_note)
        self.assertIn("2026-11-23 09:00", callbacks[2].next_window_note)
        self.assertIn("22:00", callbacks[2].next_window_note)
        # a closed callback is nobody to call
        self.sh.action_cancel()
        self.assertFalse(self.sh.callable_now)
        self.assertFalse(self.sh.next_window_note)

    def test_search_and_order_callable_now_first(self):
        Callback = self.as_agent()
        mine = [("user_id", "=", self.agent1.id)]
        self.assertEqual(Callback.search(mine + [("callable_now", "=", True)]), self.sh)
        self.assertEqual(
            Callback.search(mine + [("callable_now", "=", False)]), self.paris | self.ny
        )
        ordered = Callback.search(mine, order="callable_now desc, planned_date, id")
        self.assertEqual(ordered.ids, [self.sh.id, self.ny.id, self.paris.id])
        # the web client may sort the column
        self.assertTrue(Callback.fields_get(["callable_now"])["callable_now"]["sortable"])

    def test_customer_without_timezone_uses_the_company_timezone(self):
        partner = self.env["res.partner"].create({"name": "No zone"})
        callback = self.make_callback(partner)
        self.assertTrue(callback.callable_now)
        self.assertIn(callback, self.as_agent().search([("callable_now", "=", True)]))
        self.company.resource_calendar_id.tz = "Europe/Paris"
        callback.invalidate_recordset()
        self.assertFalse(callback.callable_now)
        self.assertNotIn(callback, self.as_agent().search([("callable_now", "=", True)]))

    def test_public_holiday_uses_the_holiday_windows(self):
        # 10:00 is inside the working-day windows (09-12) only when the holiday
        # windows open later: a public holiday in Shanghai today
        self.company.callback_holiday_from1 = 10.5
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.company.resource_calendar_id.id,
                "date_from": FROZEN_NOW - 10 * HOUR,
                "date_to": FROZEN_NOW + 12 * HOUR,
            }
        )
        self.sh.invalidate_recordset()
        self.assertFalse(self.sh.callable_now)
        self.assertIn("10:30", self.sh.with_context(tz="Asia/Shanghai").next_window_note)

    def test_today_follows_the_agents_day(self):
        """A San Francisco customer planned at 01:00 tomorrow (Shanghai time)
        is tomorrow's work for a Shanghai agent, unless due today."""
        partner_sf = self.env["res.partner"].create(
            {"name": "Kevin Lee", "tz": "America/Los_Angeles"}
        )
        # Tuesday 01:00 in Shanghai = Monday 17:00 UTC = Monday 09:00 in San Francisco
        tomorrow_1am = FROZEN_NOW + 15 * HOUR
        sf = self.make_callback(
            partner_sf, planned_date=tomorrow_1am, deadline=TODAY + timedelta(days=1)
        )
        Callback = self.as_agent()
        today = Callback.search([("user_id", "=", self.agent1.id), ("due_today", "=", True)])
        self.assertEqual(today, self.sh | self.paris | self.ny)
        self.assertFalse(sf.with_context(tz="Asia/Shanghai").due_today)
        self.assertIn(sf, Callback.search([("due_today", "=", False)]))
        # the UTC day would have listed it (before midnight UTC)
        self.assertLess(sf.planned_date, FROZEN_NOW.replace(hour=0) + timedelta(days=1))
        # for an agent in Tokyo or Bangkok too it is tomorrow's (02:00 and
        # 00:00 there)
        self.assertFalse(sf.with_context(tz="Asia/Tokyo").due_today)
        bangkok = Callback.with_context(tz="Asia/Bangkok")
        self.assertFalse(bangkok.search([("id", "=", sf.id), ("due_today", "=", True)]))
        # due today (or past): today's work wherever it is planned
        sf.deadline = TODAY
        self.assertIn(sf, Callback.search([("due_today", "=", True)]))
        self.assertNotIn(sf, Callback.search([("due_today", "=", False)]))
        self.assertTrue(sf.with_context(tz="Asia/Shanghai").due_today)

    def test_my_callbacks_defaults_and_views(self):
        action = self.env.ref("customer_callback.customer_callback_action_my")
        self.assertIn("search_default_callable_now", action.context)
        views = action.read(["views"])[0]["views"]
        list_view = self.env["ir.ui.view"].browse([v for v, mode in views if mode == "list"][0])
        arch = self.env["customer.callback"].get_views([(list_view.id, "list")])["views"]["list"][
            "arch"
        ]
        self.assertIn('default_order="callable_now desc, planned_date, id"', arch)
        self.assertIn('name="customer_local_time"', arch)
        form = self.env["customer.callback"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="call_window_banner"', form)
        self.assertLess(form.index("call_window_banner"), form.index("attempt_buttons"))

    def test_workday_is_the_first_menu_of_the_app(self):
        root = self.env.ref("customer_callback.customer_callback_menu_root")
        menus = self.env["ir.ui.menu"].with_user(self.agent1).search([("parent_id", "=", root.id)])
        first = menus.sorted(lambda m: (m.sequence, m.id))[0]
        self.assertEqual(first, self.env.ref("customer_callback.customer_callback_workday_menu"))
        self.assertEqual(first.sudo().action.tag, "customer_callback.workday")

    def test_workday_data(self):
        self.sh.activity_schedule(
            "customer_callback.mail_activity_type_callback_overdue",
            date_deadline=TODAY - timedelta(days=1),
            user_id=self.agent1.id,
        )
        data = (
            self.env["customer.callback.workday"]
            .with_user(self.agent1)
            .with_context(tz="Asia/Shanghai")
            .get_workday_data()
        )
        self.assertEqual(
            [row["id"] for row in data["callbacks"]], [self.sh.id, self.ny.id, self.paris.id]
        )
        self.assertTrue(data["callbacks"][0]["callable_now"])
        self.assertEqual(data["callbacks"][0]["planned"], "12:00", "the agent's time")
        self.assertEqual(len(data["activities"]), 1)
        self.assertTrue(data["activities"][0]["late"])
        # the core's counts (addons add theirs: customer_callback_complaint,
        # customer_callback_spot_check)
        self.assertLessEqual(
            {
                "callbacks": 3,
                "callable_now": 1,
                "overdue": 0,
                "activities": 1,
                "activities_late": 1,
            }.items(),
            data["counts"].items(),
        )
        # another agent's day holds none of it
        other = self.env["customer.callback.workday"].with_user(self.agent2).get_workday_data()
        self.assertEqual(other["counts"]["callbacks"], 0)


@tagged("post_install", "-at_install")
class TestWorkdayEdges(CallbackCase):
    """The agent's day ends at her local midnight (Asia/Shanghai, where it is
    Monday 23 November 10:00; America/New_York, still Sunday 22 November
    21:00); the next day brings the next day's calls; another company's
    callbacks assigned to her stay out of her day (issue #28)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other workday company"})

    def day_of(self, tz, context_tz=True):
        """The ids of the agent's due callbacks on her *Today* screen."""
        self.agent1.tz = tz
        Workday = self.env["customer.callback.workday"].with_user(self.agent1)
        if context_tz:
            Workday = Workday.with_context(tz=tz)
        self.env.invalidate_all()
        data = Workday.get_workday_data()
        self.assertEqual(data["counts"]["callbacks"], len(data["callbacks"]))
        return {row["id"] for row in data["callbacks"]}

    def test_shanghai_agent_day(self):
        tz = "Asia/Shanghai"
        late_today = self.local_callback(datetime(2026, 11, 23, 23, 30), tz, date(2026, 11, 24))
        tomorrow = self.local_callback(datetime(2026, 11, 24, 0, 30), tz, date(2026, 11, 24))
        self.assertEqual(self.day_of(tz), set(late_today.ids))
        self.assertEqual(self.day_of(tz, context_tz=False), set(late_today.ids))
        # the next day: the next day's calls, and the one still open
        with freezegun.freeze_time(FROZEN_NOW + timedelta(days=1)):
            self.assertEqual(self.day_of(tz), set((late_today | tomorrow).ids))
        late_today.action_cancel()
        with freezegun.freeze_time(FROZEN_NOW + timedelta(days=1)):
            self.assertEqual(self.day_of(tz), set(tomorrow.ids))

    def test_new_york_agent_day(self):
        tz = "America/New_York"
        late_today = self.local_callback(datetime(2026, 11, 22, 23, 30), tz, date(2026, 11, 23))
        monday = self.local_callback(datetime(2026, 11, 23, 0, 30), tz, date(2026, 11, 23))
        # Monday 00:30 in New York is Monday 13:30 in Shanghai: today's there
        self.assertEqual(self.day_of(tz), set(late_today.ids))
        self.assertEqual(self.day_of(tz, context_tz=False), set(late_today.ids))
        self.assertEqual(self.day_of("Asia/Shanghai"), set((late_today | monday).ids))
        with freezegun.freeze_time(FROZEN_NOW + timedelta(days=1)):
            self.assertEqual(self.day_of(tz), set((late_today | monday).ids))

    def test_another_companys_callbacks_stay_out(self):
        tz = "Asia/Shanghai"
        mine = self.local_callback(datetime(2026, 11, 23, 12, 0), tz, date(2026, 11, 23))
        self.local_callback(
            datetime(2026, 11, 23, 12, 0), tz, date(2026, 11, 22), company=self.other_company
        )
        self.assertEqual(self.day_of(tz), set(mine.ids))


@tagged("post_install", "-at_install")
class TestTicketFromCallback(CallbackCase):
    def test_ticket_routed_by_category_with_the_promised_deadline(self):
        tech = self.env["helpdesk.ticket.team"].create(
            {"name": "Tech test team", "company_id": self.company.id, "user_id": self.supervisor.id}
        )
        category = self.env["helpdesk.ticket.category"].create(
            {"name": "Leaks", "company_id": self.company.id, "routing_team_id": tech.id}
        )
        callback = self.make_callback(summary="Leak", feedback="It leaks every morning")
        agent_callback = callback.with_user(self.agent1)
        with self.assertRaises(UserError):
            agent_callback.action_create_ticket()
        promised = FROZEN_NOW + 4 * HOUR
        callback.write({"problem_category_id": category.id, "promised_date": promised})
        action = agent_callback.action_create_ticket()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.category_id, category)
        self.assertEqual(ticket.team_id, tech, "the category's team, not the caller's")
        self.assertNotEqual(ticket.user_id, self.agent1, "not the caller's")
        self.assertEqual(ticket.promised_reply_date, promised)
        # the agent follows the ticket she raised in another team
        self.assertIn(self.agent1.partner_id, ticket.message_partner_ids)
        # titled by the problem in the customer's words (issue #29)
        self.assertEqual(ticket.with_user(self.agent1).name, "It leaks every morning")
        # linked both ways: the ticket counts the callback that raised it
        self.assertEqual(ticket.origin_callback_id, callback)
        self.assertEqual(callback.raised_ticket_ids, ticket)
        self.assertEqual(ticket.callback_count, 1)
        view_action = ticket.action_view_callbacks()
        self.assertEqual(self.env["customer.callback"].search(view_action["domain"]), callback)


@tagged("post_install", "-at_install")
class TestScoreTracking(CallbackCase):
    def test_first_score_tracks_from_empty(self):
        # tracked from its creation (CallbackCase disables tracking)
        self.env = self.env(
            context=dict(self.env.context, tracking_disable=False, mail_notrack=False)
        )
        callback = self.make_callback()
        # what is created in a transaction is tracked once it is committed
        self.env.flush_all()
        self.env.cr.precommit.run()
        callback.score = 5
        self.env.flush_all()
        self.env.cr.precommit.run()
        callback.invalidate_recordset(["message_ids"])
        tracking = callback.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "score"
        )
        self.assertEqual(len(tracking), 1)
        formatted = tracking._tracking_value_format()
        self.assertIs(formatted[0]["oldValue"], False, "not scored shows empty, not 0")
        self.assertEqual(formatted[0]["newValue"], 5)
        callback.score = 4
        self.env.flush_all()
        self.env.cr.precommit.run()
        callback.invalidate_recordset(["message_ids"])
        values = {
            (v["oldValue"], v["newValue"])
            for v in callback.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "score"
            )._tracking_value_format()
        }
        self.assertEqual(values, {(False, 5), (5, 4)})


@tagged("post_install", "-at_install")
class TestReaderTimezone(CallbackCase):
    def test_attempt_in_the_future_says_whose_time(self):
        callback = self.make_callback()
        with self.assertRaises(ValidationError) as error:
            self.env["customer.callback.attempt"].with_context(tz="Asia/Shanghai").create(
                {
                    "callback_id": callback.id,
                    "result": "no_answer",
                    "attempt_date": FROZEN_NOW + 5 * HOUR,
                }
            )
        self.assertIn("2026-11-23 15:00 (Asia/Shanghai)", str(error.exception))

    def test_import_reads_naive_times_in_the_importers_timezone(self):
        """Odoo's import (ir.fields.converter) reads a naive 10:00 in the
        importing user's timezone: 10:00 in Shanghai is 02:00 UTC."""
        self.agent1.tz = "Asia/Shanghai"
        callback = self.make_callback()
        result = (
            self.env["customer.callback"]
            .with_user(self.agent1)
            .with_context(tz=None)
            .load([".id", "promised_date"], [[str(callback.id), "2026-11-24 10:00:00"]])
        )
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(callback.promised_date, FROZEN_NOW.replace(day=24))
