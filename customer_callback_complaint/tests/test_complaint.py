# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.customer_callback.tests.common import FROZEN_NOW, TODAY, CallbackCase

CC = "customer_callback_complaint"

HOUR = timedelta(hours=1)


@tagged("post_install", "-at_install")
class TestComplaint(CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.urgent = ref(f"{CC}.customer_complaint_grade_urgent")
        cls.major = ref(f"{CC}.customer_complaint_grade_major")
        cls.normal = ref(f"{CC}.customer_complaint_grade_normal")
        cls.minor = ref(f"{CC}.customer_complaint_grade_minor")
        cls.stage_accept = ref(f"{CC}.helpdesk_ticket_stage_complaint_accept")
        cls.stage_investigate = ref(f"{CC}.helpdesk_ticket_stage_complaint_investigate")
        cls.stage_solution = ref(f"{CC}.helpdesk_ticket_stage_complaint_solution")
        cls.stage_closed = ref(f"{CC}.helpdesk_ticket_stage_complaint_closed")
        cls.cat_technical = ref("customer_callback.helpdesk_ticket_category_technical")
        cls.cat_service = ref("customer_callback.helpdesk_ticket_category_service_attitude")
        cls.team_tech = ref("customer_callback.helpdesk_ticket_team_tech_support")
        cls.team_after_sales = ref("customer_callback.helpdesk_ticket_team_after_sales")
        cls.rule = cls.make_rule(
            name="Complaint follow-up",
            segment="complaint",
            trigger="ticket_closed",
            offset_days=0,
            window_days=3,
            ignore_fatigue=True,
        )
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.Activity = cls.env["mail.activity"]
        # the complaints of the database (demo data) stay out of the reminder batches
        cls.Ticket.search([("is_complaint", "=", True)]).active = False

    def make_complaint(self, **values):
        vals = {
            "name": "Purifier leaks",
            "description": "<p>Water on the floor</p>",
            "partner_id": self.partner_sh.id,
            "is_complaint": True,
            "team_id": self.team.id,
            "user_id": self.agent1.id,
        }
        vals.update(values)
        return self.Ticket.create(vals)

    def activities(self, tickets, xmlid):
        return self.Activity.search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "in", tickets.ids),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    # ------------------------------------------------------------------
    # Grades and deadlines
    # ------------------------------------------------------------------

    def test_default_grade_deadlines(self):
        expected = {
            self.urgent: (2, 8),
            self.major: (4, 16),
            self.normal: (8, 24),
            self.minor: (24, 72),
        }
        for grade, (response, resolution) in expected.items():
            ticket = self.make_complaint(complaint_grade_id=grade.id)
            self.assertEqual(ticket.complaint_date, FROZEN_NOW)
            self.assertEqual(
                ticket.first_response_deadline, FROZEN_NOW + timedelta(minutes=10), grade.name
            )
            self.assertEqual(ticket.response_deadline, FROZEN_NOW + response * HOUR, grade.name)
            self.assertEqual(ticket.resolution_deadline, FROZEN_NOW + resolution * HOUR, grade.name)
        ticket = self.make_complaint()
        self.assertEqual(ticket.complaint_grade_id, self.normal, "default grade")
        self.assertEqual(ticket.stage_id, self.stage_accept, "complaints start in the accept step")
        self.assertEqual(
            ticket.resolution_deadline, FROZEN_NOW + 24 * HOUR, "SOP: normal solved within 24 hours"
        )
        plain = self.Ticket.create(
            {"name": "Question", "description": "<p>?</p>", "team_id": self.team.id}
        )
        self.assertFalse(plain.complaint_grade_id or plain.resolution_deadline)
        self.assertNotEqual(plain.stage_id.complaint_step, "accept")

    def test_working_time_deadlines_skip_the_weekend(self):
        calendar = self.company.resource_calendar_id
        calendar.tz = "Asia/Shanghai"
        self.assertEqual(
            sorted(set(calendar.attendance_ids.mapped("dayofweek"))), ["0", "1", "2", "3", "4"]
        )
        self.normal.working_time = True
        # Friday 27 November 2026, 16:00 in Shanghai (08:00 UTC): one working hour left that day
        friday = datetime(2026, 11, 27, 8, 0)
        ticket = self.make_complaint(complaint_date=friday)
        self.assertEqual(ticket.first_response_deadline, friday + timedelta(minutes=10))
        # 8 h: 1 h on Friday, 7 h on Monday (08-12, 13-16) -> Monday 16:00 Shanghai
        self.assertEqual(ticket.response_deadline, datetime(2026, 11, 30, 8, 0))
        # 24 h: 1 + 8 (Mon) + 8 (Tue) + 7 (Wed) -> Wednesday 2 December 16:00 Shanghai
        self.assertEqual(ticket.resolution_deadline, datetime(2026, 12, 2, 8, 0))
        # calendar time: Saturday
        self.normal.working_time = False
        other = self.make_complaint(complaint_date=friday)
        self.assertEqual(other.resolution_deadline, friday + 24 * HOUR)

    def test_working_time_deadline_runs_on_the_make_up_sunday(self):
        """A make-up Sunday of China's official calendar is a working day for
        the deadlines (moved from customer_callback's test_official_calendar)."""
        calendar = self.company.resource_calendar_id
        calendar.tz = "Asia/Shanghai"
        self.company.callback_holiday_country_id = self.env.ref("base.cn")
        self.company._callback_refresh_official_calendar([2026])
        self.normal.working_time = True
        # Friday 18 September 2026, 16:00 in Shanghai: one working hour left that day
        friday = datetime(2026, 9, 18, 8, 0)
        ticket = self.make_complaint(complaint_grade_id=self.normal.id, complaint_date=friday)
        # 8 working hours: 1 h on Friday, 7 h on the make-up Sunday (08-12, 13-16)
        self.assertEqual(self.normal.response_hours, 8)
        self.assertEqual(ticket.response_deadline, datetime(2026, 9, 20, 8, 0))
        # the date picker's unusual days agree
        unusual = calendar._get_unusual_days(datetime(2026, 9, 19), datetime(2026, 9, 21, 23, 0))
        self.assertEqual(
            (unusual["2026-09-19"], unusual["2026-09-20"], unusual["2026-09-21"]),
            (True, False, False),
        )

    def test_loading_the_defaults_keeps_what_an_administrator_changed(self):
        """The default records are loaded at every install and update as
        noupdate data is updated: an install over the records the core's
        upgrade moved here (19.0.5.0.0) does not write them over."""
        self.urgent.write({"response_hours": 3, "resolution_hours": 12})
        cron = self.env.ref(f"{CC}.ir_cron_complaint_reminders")
        cron.interval_number = 15
        self.env["customer.complaint.grade"]._complaint_load_defaults()
        self.assertEqual((self.urgent.response_hours, self.urgent.resolution_hours), (3, 12))
        self.assertEqual(cron.interval_number, 15)

    def test_regrading_moves_the_deadlines(self):
        ticket = self.make_complaint()
        self.assertEqual(ticket.response_deadline, FROZEN_NOW + 8 * HOUR)
        ticket.with_user(self.supervisor).write({"complaint_grade_id": self.urgent.id})
        self.assertEqual(ticket.response_deadline, FROZEN_NOW + 2 * HOUR)
        self.assertEqual(ticket.resolution_deadline, FROZEN_NOW + 8 * HOUR)
        self.assertEqual(ticket.first_response_deadline, FROZEN_NOW + timedelta(minutes=10))

    def test_flagging_a_ticket_as_complaint_grades_it(self):
        ticket = self.Ticket.create(
            {"name": "x", "description": "<p>x</p>", "team_id": self.team.id}
        )
        ticket.is_complaint = True
        self.assertEqual(ticket.complaint_grade_id, self.normal)
        self.assertEqual(ticket.resolution_deadline, FROZEN_NOW + 24 * HOUR)

    def test_only_supervisors_change_grades_and_deadlines(self):
        ticket = self.make_complaint()
        as_agent = ticket.with_user(self.agent1)
        with self.assertRaisesRegex(UserError, "Only callback supervisors"):
            as_agent.write({"complaint_grade_id": self.urgent.id})
        with self.assertRaisesRegex(UserError, "Only callback supervisors"):
            as_agent.write({"resolution_deadline": FROZEN_NOW + 100 * HOUR})
        as_agent.write({"name": "Purifier leaks (kitchen)"})  # the rest stays editable
        self.assertFalse(as_agent.can_edit_complaint_grade)
        as_super = ticket.with_user(self.supervisor)
        self.assertTrue(as_super.can_edit_complaint_grade)
        as_super.write({"resolution_deadline": FROZEN_NOW + 100 * HOUR})
        self.assertEqual(ticket.resolution_deadline, FROZEN_NOW + 100 * HOUR)

    def test_grade_access(self):
        Grade = self.env["customer.complaint.grade"]
        self.assertTrue(Grade.with_user(self.agent1).search([]), "agents read the grades")
        with self.assertRaises(AccessError):
            Grade.with_user(self.agent1).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.urgent.with_user(self.agent1).write({"resolution_hours": 100})
        grade = Grade.with_user(self.supervisor).create(
            {"name": "VIP", "company_id": self.company.id}
        )
        self.assertEqual(grade.first_response_hours, 10 / 60)
        self.assertEqual(grade.customer_update_hours, 12)
        self.assertEqual(grade.owner_update_hours, 24)

    def test_grade_durations_must_be_positive(self):
        Grade = self.env["customer.complaint.grade"]
        for field in (
            "first_response_hours",
            "response_hours",
            "resolution_hours",
            "customer_update_hours",
            "owner_update_hours",
        ):
            for bad in (0, -1):
                with (
                    self.assertRaisesRegex(ValidationError, "positive duration"),
                    self.cr.savepoint(),
                ):
                    Grade.create({"name": "Bad", field: bad})
        with self.assertRaisesRegex(ValidationError, "positive duration"), self.cr.savepoint():
            self.urgent.response_hours = 0

    # ------------------------------------------------------------------
    # Answers, promise, filters
    # ------------------------------------------------------------------

    def test_first_response_is_a_message_or_a_stage_move(self):
        ticket = self.make_complaint()
        ticket.with_user(self.agent1).message_post(
            body="checking", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.assertFalse(ticket.first_response_date, "an internal note is not an answer")
        ticket.with_user(self.agent1).message_post(
            body="Sorry, we are on it", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(ticket.first_response_date, FROZEN_NOW)
        self.assertEqual(ticket.complaint_customer_update_date, FROZEN_NOW)
        self.assertEqual(ticket.response_on_time, 100)
        other = self.make_complaint()
        other.stage_id = self.stage_investigate
        self.assertEqual(other.first_response_date, FROZEN_NOW)
        self.assertFalse(other.response_date)
        other.stage_id = self.stage_solution
        self.assertEqual(other.response_date, FROZEN_NOW)

    def test_promised_reply_reaches_the_customer(self):
        promise = FROZEN_NOW + 2 * HOUR
        ticket = self.make_complaint(promised_reply_date=promise)
        self.assertEqual(self.partner_sh.promised_reply_date, promise)
        ticket.promised_reply_date = promise + HOUR
        self.assertEqual(self.partner_sh.promised_reply_date, promise + HOUR)

    def test_breaching_soon_and_breached_filters(self):
        minute = timedelta(minutes=1)
        fresh = self.make_complaint()  # first response due in 10 minutes
        near = self.make_complaint(complaint_date=FROZEN_NOW - 9 * minute)  # 1 minute left
        old = self.make_complaint(complaint_date=FROZEN_NOW - 3 * HOUR)
        calm = self.make_complaint(complaint_grade_id=self.minor.id)
        calm.stage_id = self.stage_solution  # answered: next deadline in 72 h
        # the warning lead scales with the deadline (20 % of 10 minutes: 2
        # minutes): a complaint is not "breaching soon" at birth
        self.assertEqual(self.company.complaint_soon_percent, 20.0)
        self.assertEqual(fresh.complaint_sla_state, "on_track")
        self.assertEqual(near.complaint_sla_state, "soon")
        self.assertEqual(old.complaint_sla_state, "breached")
        self.assertEqual(calm.complaint_sla_state, "on_track")
        tickets = fresh | near | old | calm
        for state, expected in (
            ("soon", near),
            ("breached", old),
            ("on_track", fresh | calm),
        ):
            found = self.Ticket.search(
                [("id", "in", tickets.ids), ("complaint_sla_state", "=", state)]
            )
            self.assertEqual(found, expected, state)
        self.assertEqual(
            self.Ticket.search(
                [("id", "in", tickets.ids), ("complaint_sla_state", "not in", ["soon"])]
            ),
            fresh | old | calm,
        )
        # without scaling, the 2-hour lead makes the fresh one "breaching soon"
        self.company.complaint_soon_percent = 0
        fresh.invalidate_recordset(["complaint_sla_state"])
        self.assertEqual(fresh.complaint_sla_state, "soon")
        self.assertEqual(
            self.Ticket.search([("id", "in", tickets.ids), ("complaint_sla_state", "=", "soon")]),
            fresh | near,
        )
        # the absolute lead caps the scaled one: 0.01 h (36 s) leaves 1 minute on track
        self.company.write({"complaint_soon_percent": 20, "complaint_soon_hours": 0.01})
        self.assertEqual(
            self.Ticket.search([("id", "in", tickets.ids), ("complaint_sla_state", "=", "soon")]),
            self.Ticket,
        )

    def test_urgent_complaint_recorded_by_an_agent(self):
        """The agent sets the grade at intake; afterwards only supervisors change it."""
        ticket = self.Ticket.with_user(self.agent1).create(
            {
                "name": "Purifier sprays water",
                "description": "<p>Urgent</p>",
                "partner_id": self.partner_sh.id,
                "is_complaint": True,
                "team_id": self.team.id,
                "user_id": self.agent1.id,
                "complaint_grade_id": self.urgent.id,
            }
        )
        self.assertEqual(ticket.complaint_grade_id, self.urgent)
        self.assertEqual(ticket.response_deadline, FROZEN_NOW + 2 * HOUR)
        self.assertEqual(ticket.complaint_sla_state, "on_track")
        with self.assertRaises(UserError):
            ticket.complaint_grade_id = self.normal
        ticket.with_user(self.supervisor).complaint_grade_id = self.normal
        self.assertEqual(ticket.response_deadline, FROZEN_NOW + 8 * HOUR)

    # ------------------------------------------------------------------
    # Classification and routing
    # ------------------------------------------------------------------

    def test_category_routing(self):
        owner = new_test_user(self.env, "tech_owner", groups="helpdesk_mgmt.group_helpdesk_user")
        self.team_tech.user_ids = [(4, owner.id)]
        self.cat_technical.routing_user_id = owner
        ticket = self.Ticket.create(
            {
                "name": "App crashes",
                "description": "<p>x</p>",
                "is_complaint": True,
                "category_id": self.cat_technical.id,
            }
        )
        self.assertEqual(ticket.team_id, self.team_tech)
        self.assertEqual(ticket.user_id, owner)
        explicit = self.make_complaint(category_id=self.cat_technical.id)
        self.assertEqual(explicit.team_id, self.team, "an explicit team wins")
        self.assertEqual(explicit.user_id, self.agent1, "an explicit owner wins")
        ticket.category_id = self.cat_service
        self.assertEqual(ticket.team_id, self.team_after_sales, "category change routes again")
        self.assertFalse(ticket.user_id, "helpdesk drops an owner who is not in the new team")
        ticket.write(
            {
                "category_id": self.cat_technical.id,
                "team_id": self.team.id,
                "user_id": self.agent2.id,
            }
        )
        self.assertEqual(
            (ticket.team_id, ticket.user_id), (self.team, self.agent2), "explicit values win"
        )

    def test_callback_channel_for_tickets_from_callbacks(self):
        callback = self.make_callback(
            summary="Filter noisy",
            feedback="Noise since the visit",
            problem_category_id=self.env.ref(
                "customer_callback.helpdesk_ticket_category_product_quality"
            ).id,
            promised_date=FROZEN_NOW + HOUR,
        )
        action = callback.action_create_ticket()
        ticket = self.Ticket.browse(action["res_id"])
        self.assertEqual(
            ticket.channel_id, self.env.ref("customer_callback.helpdesk_ticket_channel_callback")
        )

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------

    def test_breach_escalates_once_to_the_team_leader(self):
        ticket = self.make_complaint(complaint_grade_id=self.urgent.id)
        batch = self.Ticket._complaint_reminder_batch
        batch(now=FROZEN_NOW + 3 * HOUR)
        breach = self.activities(ticket, f"{CC}.mail_activity_type_complaint_breached")
        self.assertEqual(len(breach), 1)
        self.assertEqual(breach.user_id, self.supervisor, "the team leader")
        self.assertEqual(ticket.complaint_breach_reminded_deadline, FROZEN_NOW + 2 * HOUR)
        self.assertEqual(batch(now=FROZEN_NOW + 3 * HOUR), (0, 0), "nothing left to look at")
        # the resolution deadline passes while the escalation is still open: nothing new
        batch(now=FROZEN_NOW + 9 * HOUR)
        self.assertEqual(
            len(self.activities(ticket, f"{CC}.mail_activity_type_complaint_breached")),
            1,
        )
        self.assertTrue(ticket.resolution_late, "open past the resolution deadline")
        self.assertEqual(ticket.resolution_on_time, 0)
        # once done, the later breach escalates, to the grade's target
        breach.action_feedback(feedback="Talked to the owner")
        target = new_test_user(
            self.env,
            "complaint_boss",
            groups="customer_callback.customer_callback_group_supervisor",
        )
        self.urgent.escalation_user_id = target
        batch(now=FROZEN_NOW + 10 * HOUR)
        self.assertFalse(self.activities(ticket, f"{CC}.mail_activity_type_complaint_breached"))
        batch(
            now=FROZEN_NOW + 11 * HOUR
        )  # looked at again 2 h (warning period) after the blocked run
        breach = self.activities(ticket, f"{CC}.mail_activity_type_complaint_breached")
        self.assertEqual(breach.user_id, target)
        self.assertEqual(ticket.complaint_breach_reminded_deadline, FROZEN_NOW + 8 * HOUR)

    def test_reminder_batch_is_idempotent(self):
        tickets = self.make_complaint() | self.make_complaint(partner_id=self.partner_paris.id)
        batch = self.Ticket._complaint_reminder_batch
        # 12 h: customer updates due (the deadlines are breached too)
        now = FROZEN_NOW + 12 * HOUR
        processed, remaining = batch(batch_size=1, now=now)
        self.assertEqual((processed, remaining), (1, 1), "batched")
        batch(batch_size=1, now=now)
        customer = self.activities(tickets, f"{CC}.mail_activity_type_complaint_customer_update")
        self.assertEqual(len(customer), 2)
        self.assertEqual(customer.user_id, self.agent1, "the owner")
        self.assertEqual(
            len(self.activities(tickets, f"{CC}.mail_activity_type_complaint_breached")),
            2,
        )
        before = self.Activity.search_count(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
        )
        self.assertEqual(batch(now=now), (0, 0))
        # a day later: the owner's status update is due; the customer update is still open
        batch(now=FROZEN_NOW + 25 * HOUR)
        owner = self.activities(tickets, f"{CC}.mail_activity_type_complaint_owner_update")
        self.assertEqual(len(owner), 2)
        self.assertEqual(
            len(
                self.activities(
                    tickets,
                    f"{CC}.mail_activity_type_complaint_customer_update",
                )
            ),
            2,
            "no second reminder while the first is open",
        )
        after = self.Activity.search_count(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
        )
        self.assertEqual(after, before + 2)
        batch(now=FROZEN_NOW + 25 * HOUR)
        self.assertEqual(
            self.Activity.search_count(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
            ),
            after,
        )

    def test_deadline_near_reminder(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms([CC, "customer_callback"], ["zh_CN"])
        self.agent1.write({"tz": "Asia/Shanghai", "lang": "zh_CN"})
        ticket = self.make_complaint()
        ticket.stage_id = self.stage_solution  # answered: resolution due at +24 h
        batch = self.Ticket._complaint_reminder_batch
        batch(now=FROZEN_NOW + 23 * HOUR)
        near = self.activities(ticket, f"{CC}.mail_activity_type_complaint_deadline_near")
        self.assertEqual(len(near), 1)
        self.assertEqual(near.user_id, self.agent1)
        # the deadline in the owner's timezone, the note in the owner's language
        deadline = fields.Datetime.context_timestamp(
            ticket.with_context(tz=self.agent1.tz), ticket.resolution_deadline
        )
        self.assertIn(f"{deadline:%Y-%m-%d %H:%M} ({self.agent1.tz})", str(near.note))
        self.assertNotEqual(deadline.utcoffset(), timedelta(0))
        self.assertIn("投诉", str(near.note))
        batch(now=FROZEN_NOW + 23 * HOUR)
        self.assertEqual(
            len(self.activities(ticket, f"{CC}.mail_activity_type_complaint_deadline_near")),
            1,
        )

    def test_cron_record_runs_the_driver(self):
        cron = self.env.ref(f"{CC}.ir_cron_complaint_reminders")
        self.assertEqual(cron.code.strip(), "model._cron_complaint_reminders()")
        self.assertEqual(cron.model_id.model, "helpdesk.ticket")

    # ------------------------------------------------------------------
    # Closed loop
    # ------------------------------------------------------------------

    def test_closing_needs_a_resolution_summary(self):
        ticket = self.make_complaint()
        with self.assertRaisesRegex(UserError, "resolution summary"):
            ticket.stage_id = self.stage_closed
        with self.assertRaisesRegex(UserError, "resolution summary"):
            ticket.write({"stage_id": self.stage_closed.id, "resolution_summary": "   "})
        self.assertFalse(ticket.stage_id.closed)
        self.company.complaint_require_resolution_summary = False
        ticket.stage_id = self.stage_closed
        self.assertTrue(ticket.stage_id.closed)

    def test_closing_creates_one_callback_within_three_days(self):
        ticket = self.make_complaint()
        ticket.write({"stage_id": self.stage_closed.id, "resolution_summary": "Replaced the unit"})
        callback = self.callbacks_of(self.partner_sh, self.rule)
        self.assertEqual(len(callback), 1, "generated at once")
        self.assertEqual(callback.ticket_id, ticket)
        self.assertEqual(callback.deadline, TODAY + timedelta(days=3))
        self.assertFalse(ticket.resolution_late)
        self.assertEqual(ticket.resolution_on_time, 100)
        self.generate(self.partner_sh)
        self.assertEqual(len(self.callbacks_of(self.partner_sh, self.rule)), 1, "not twice")

    def test_generation_picks_closed_complaints_only(self):
        """The scheduled generation (not only the closing itself) gives a closed
        complaint its callback within three days, and a closed ticket that is no
        complaint none (moved from customer_callback's test_generation)."""
        closed_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        tickets = self.Ticket.create(
            [
                {
                    "name": "Broken on arrival",
                    "description": "<p>x</p>",
                    "partner_id": self.partner_sh.id,
                    "is_complaint": True,
                },
                {
                    "name": "Question",
                    "description": "<p>y</p>",
                    "partner_id": self.partner_paris.id,
                },
            ]
        )
        tickets.write({"stage_id": closed_stage.id, "resolution_summary": "Unit replaced"})
        self.generate(self.partner_sh | self.partner_paris)
        callback = self.callbacks_of(self.partner_sh, self.rule)
        self.assertEqual(callback.ticket_id, tickets[0])
        self.assertEqual(callback.deadline, TODAY + timedelta(days=3))
        self.assertFalse(self.callbacks_of(self.partner_paris, self.rule), "not a complaint")

    def test_unsolved_callback_reopens_the_complaint(self):
        ticket = self.make_complaint()
        ticket.write({"stage_id": self.stage_closed.id, "resolution_summary": "Replaced the unit"})
        callback = self.callbacks_of(self.partner_sh, self.rule)
        callback.write({"summary": "Still leaking", "problem_status": "pending", "score": 4})
        callback.action_done()
        self.assertEqual(ticket.stage_id, self.stage_investigate)
        self.assertFalse(ticket.stage_id.closed)
        note = ticket.message_ids.filtered(lambda m: "reopened" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn(callback.name, note.body)

    def test_each_closing_gets_its_own_callback(self):
        ticket = self.make_complaint()
        ticket.write({"stage_id": self.stage_closed.id, "resolution_summary": "Replaced the unit"})
        first = self.callbacks_of(self.partner_sh, self.rule)
        first.write({"summary": "Still leaking", "problem_status": "pending", "score": 4})
        first.action_done()
        self.assertEqual(ticket.stage_id, self.stage_investigate)
        self.assertEqual(ticket.complaint_reopen_count, 1)
        # moving between open stages is not a reopening
        ticket.write({"stage_id": self.stage_investigate.id})
        self.assertEqual(ticket.complaint_reopen_count, 1)
        ticket.write({"stage_id": self.stage_closed.id, "resolution_summary": "New pipe fitted"})
        callbacks = self.callbacks_of(self.partner_sh, self.rule)
        self.assertEqual(len(callbacks), 2, "the second closing is checked again")
        second = callbacks - first
        self.assertEqual(second.ticket_id, ticket)
        self.assertIn(second.state, ("draft", "planned"))
        self.generate(self.partner_sh)
        self.assertEqual(len(self.callbacks_of(self.partner_sh, self.rule)), 2, "not twice")

    def test_low_score_reopens_good_result_does_not(self):
        ticket = self.make_complaint()
        ticket.write({"stage_id": self.stage_closed.id, "resolution_summary": "Refunded"})
        callback = self.callbacks_of(self.partner_sh, self.rule)
        callback.write(
            {"summary": "Unhappy with the refund delay", "problem_status": "resolved", "score": 2}
        )
        callback.action_done()
        self.assertEqual(ticket.stage_id, self.stage_investigate)
        ticket.write({"stage_id": self.stage_closed.id})
        happy = self.make_callback(
            ticket_id=ticket.id, summary="All good", problem_status="resolved", score=5
        )
        happy.action_done()
        self.assertEqual(ticket.stage_id, self.stage_closed)

    # ------------------------------------------------------------------
    # Reports
    # ------------------------------------------------------------------

    def test_on_time_rates_by_category(self):
        on_time = self.make_complaint(category_id=self.cat_service.id, team_id=self.team.id)
        late = self.make_complaint(
            category_id=self.cat_service.id, complaint_date=datetime(2026, 10, 30, 2, 0)
        )
        (on_time | late).write(
            {"stage_id": self.stage_closed.id, "resolution_summary": "Apologised"}
        )
        self.assertTrue(late.resolution_late)
        rows = self.Ticket._read_group(
            [("id", "in", (on_time | late).ids)],
            ["category_id", "complaint_grade_id", "complaint_date:month"],
            ["__count", "resolution_on_time:avg", "response_on_time:avg"],
        )
        self.assertEqual(len(rows), 2, "two report months")
        total = self.Ticket._read_group(
            [("id", "in", (on_time | late).ids)], ["category_id"], ["resolution_on_time:avg"]
        )
        self.assertEqual(total[0][1], 50.0, "a rate in percent")
        action = self.env.ref(f"{CC}.helpdesk_ticket_action_complaint_analysis")
        self.assertIn("pivot", action.view_mode)

    def test_bad_complaint_settings(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.cr.savepoint():
            self.company.complaint_soon_hours = -1
        with self.assertRaisesRegex(ValidationError, "between 0 and 5"), self.cr.savepoint():
            self.company.complaint_reopen_score = 6

    def test_views_render_for_agents(self):
        views = self.Ticket.with_user(self.agent1).get_views(
            [(False, "form"), (False, "list"), (False, "kanban"), (False, "search")]
        )
        for view_type in ("form", "list", "kanban"):
            self.assertIn("complaint_sla_state", views["views"][view_type]["arch"], view_type)
        self.assertIn("complaint_breaching_soon", views["views"]["search"]["arch"])
