# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The agent's day (今日工作台): what the *Today* screen reads, in one call."""

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from ..tools import call_window
from .customer_callback import OPEN_STATES

# The core's reminder activities: overdue callbacks (the leaders' daily
# digest, and the per-callback activities of earlier versions); addons add
# theirs (_workday_reminder_types).
REMINDER_ACTIVITY_TYPES = (
    "customer_callback.mail_activity_type_callback_overdue_digest",
    "customer_callback.mail_activity_type_callback_overdue",
)
WORKDAY_LIMIT = 80
WORKDAY_ORDER = "planned_date, id"


class CustomerCallbackWorkday(models.AbstractModel):
    _name = "customer.callback.workday"
    _description = "Agent's workday"

    @api.model
    def get_workday_data(self):
        """The current user's day: due callbacks (callable now first) and her
        reminder activities, each with its count. Times are in the reader's
        timezone; the customer's local time is given too. Addons add their
        cards by extending it (the complaints: customer_callback_complaint;
        the spot-check calls: customer_callback_spot_check)."""
        user = self.env.user
        now = fields.Datetime.now()
        Callback = self.env["customer.callback"]
        reader_zone = call_window.get_zone(Callback._reader_tz())
        due = Callback.search(
            self._workday_mine_domain(user) & self._workday_due_domain(), order=WORKDAY_ORDER
        )
        # a call the contact-fatigue cap holds back today is not offered
        # (the hourly scheduled action moves it to the day the cap allows)
        due -= Callback.browse([callback.id for callback in due._fatigue_held_back(now)])
        due = self._workday_callable_first(due, now)
        activities = self._workday_activities(user)
        return {
            "setup": self._workday_setup(),
            "sample": self._workday_sample(),
            "callbacks": self._workday_callbacks(due[:WORKDAY_LIMIT], now, reader_zone),
            "activities": activities[:WORKDAY_LIMIT],
            "counts": {
                "callbacks": len(due),
                "callable_now": len(due.filtered("callable_now")),
                "overdue": len(due.filtered("is_overdue")),
                "activities": len(activities),
                "activities_late": sum(1 for a in activities if a["late"]),
            },
        }

    @api.model
    def _workday_mine_domain(self, user):
        """The user's open callbacks."""
        return Domain("user_id", "=", user.id) & Domain("state", "in", OPEN_STATES)

    @api.model
    def _workday_due_domain(self):
        """Which of the user's open callbacks are her due callbacks (a hook:
        customer_callback_spot_check lists the spot-check calls apart)."""
        return Domain("due_today", "=", True)

    @api.model
    def _workday_callable_first(self, callbacks, now):
        """``callbacks`` with the ones callable now first (then in their
        order): the per-timezone domain computed once for the request and
        applied to the user's own callbacks only (ordering by the field in
        SQL computed it for each search and matched it against every open
        callback of the database)."""
        if not callbacks:
            return callbacks
        Callback = self.env["customer.callback"]
        callable_ids = set(
            Callback._search(
                Domain("id", "in", callbacks.ids)
                & Callback._callable_now_domain(now, within=callbacks)
            )
        )
        return callbacks.sorted(lambda callback: callback.id not in callable_ids)

    @api.model
    def _workday_setup(self):
        """The set-up checklist of the user's company, for supervisors."""
        if not self.env.user.has_group("customer_callback.customer_callback_group_supervisor"):
            return False
        return self.env["onboarding.onboarding"]._callback_setup_panel()

    @api.model
    def _workday_sample(self):
        """The sample data of the user's company, for supervisors."""
        if not self.env.user.has_group("customer_callback.customer_callback_group_supervisor"):
            return False
        return self.env["customer.callback.sample"].get_sample_status()

    @api.model
    def toggle_setup_checklist(self):
        """Hide the set-up checklist of the user's company, or show it again."""
        if not self.env.user.has_group("customer_callback.customer_callback_group_supervisor"):
            raise AccessError(self.env._("Only a callback supervisor can hide the checklist."))
        self.env["onboarding.onboarding"]._callback_setup_toggle()
        return self._workday_setup()

    @api.model
    def _workday_callbacks(self, callbacks, now, reader_zone):
        Callback = self.env["customer.callback"]
        return [
            {
                "id": callback.id,
                "name": callback.name,
                "partner": callback.partner_id.display_name,
                "phone": callback.partner_phone or "",
                "customer_time": callback.customer_local_time,
                "callable_now": callback.callable_now,
                "overdue": callback.is_overdue,
                "planned": callback.planned_date
                and Callback._format_moment(callback.planned_date, reader_zone, now),
                "next_window": callback.next_window_note or "",
                "state": callback.state,
            }
            for callback in callbacks
        ]

    @api.model
    def _workday_reminder_types(self):
        """The xml ids of the reminder activity types the screen lists (a
        hook: addons add their reminders)."""
        return list(REMINDER_ACTIVITY_TYPES)

    @api.model
    def _workday_activities(self, user):
        types = [
            activity_type.id
            for xmlid in self._workday_reminder_types()
            if (activity_type := self.env.ref(xmlid, raise_if_not_found=False))
        ]
        activities = self.env["mail.activity"].search(
            [("user_id", "=", user.id), ("activity_type_id", "in", types)],
            order="date_deadline, id",
        )
        today = fields.Date.context_today(self)
        return [
            {
                "id": activity.id,
                "res_model": activity.res_model,
                "res_id": activity.res_id,
                "record": activity.res_name or "",
                "type": activity.activity_type_id.name,
                "summary": activity.summary or "",
                "deadline": fields.Date.to_string(activity.date_deadline),
                "late": activity.date_deadline < today,
            }
            for activity in activities
        ]
