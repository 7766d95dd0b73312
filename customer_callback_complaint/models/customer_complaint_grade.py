# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaint severity grades (001 §4.2: "graded by severity; each grade has
its own handling standard") carrying the SOP time limits (000 §5.2, 003
step 4): first response within 10 minutes, urgent answered within 2 hours,
normal solved within 24 hours, the customer updated every 12 hours and the
owner's status update daily."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.customer_callback.upgrade.addon_move import load_noupdate_defaults

from ..tools import complaint_deadlines

# the addon's default records (noupdate), in the order they are loaded by
# _complaint_load_defaults (data/customer_callback_complaint_defaults.xml)
DEFAULTS = (
    "data/defaults/customer_complaint_grade_data.xml",
    "data/defaults/helpdesk_ticket_stage_data.xml",
    "data/defaults/mail_activity_type_data.xml",
    "data/defaults/ir_cron_data.xml",
)


class CustomerComplaintGrade(models.Model):
    _name = "customer.complaint.grade"
    _description = "Complaint Grade"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", index=True, help="Empty: the grade is shared by every company."
    )
    is_default = fields.Boolean(
        string="Default grade", help="Given to a complaint recorded without a grade."
    )
    handling_standard = fields.Html(
        translate=True, help="How complaints of this grade are handled."
    )
    first_response_hours = fields.Float(
        string="First response within (hours)",
        default=10 / 60,
        help="Hours after the customer's report within which the owner first answers "
        "(by default 10 minutes).",
    )
    response_hours = fields.Float(
        string="Response within (hours)",
        default=8.0,
        help="Hours within which a solution is decided and given (urgent complaints: 2 hours).",
    )
    resolution_hours = fields.Float(
        string="Resolution within (hours)",
        default=24.0,
        help="Hours within which the complaint is solved and closed (normal complaints: 24 hours).",
    )
    customer_update_hours = fields.Float(
        string="Update the customer every (hours)",
        default=12.0,
        help="The customer is updated at least this often (by default every 12 hours).",
    )
    owner_update_hours = fields.Float(
        string="Owner status update every (hours)",
        default=24.0,
        help="The owner updates the complaint's status at least this often (by default daily).",
    )
    working_time = fields.Boolean(
        help="Count the deadlines in the company's working time (its resource calendar, "
        "public holidays included) instead of calendar time.",
    )
    escalation_user_id = fields.Many2one(
        "res.users",
        string="Escalate to",
        domain=[("share", "=", False)],
        help="Receives the breached complaints of this grade; empty: the team leader.",
    )

    @api.constrains(*complaint_deadlines.DURATIONS)
    def _check_durations(self):
        for grade in self:
            invalid = complaint_deadlines.invalid_durations(
                {name: grade[name] for name in complaint_deadlines.DURATIONS}
            )
            if invalid:
                label = self._fields[invalid[0]].get_description(self.env)["string"]
                raise ValidationError(
                    self.env._(
                        "Complaint grade %(grade)s: “%(field)s” must be a positive duration "
                        "(more than zero hours).",
                        grade=grade.name,
                        field=label,
                    )
                )

    @api.model
    def _complaint_load_defaults(self):
        """Load the addon's default records (``DEFAULTS``: grades, handling
        stages, the reminders' activity types and scheduled action, all
        noupdate) as an update loads noupdate data, at the install too: what
        is missing is created, what exists is never written over. On a new
        database nothing exists and all is created, as an install would; an
        install over the records the core's upgrade moved here (19.0.5.0.0:
        ``customer_callback_survey``, upgraded with the core, now depends on
        the complaints, so Odoo installs them in that run, in init mode) keeps
        what an administrator changed in them (a grade's hours, the reminders'
        interval). Odoo's ``convert_file``, as Odoo loads its own scenarios."""
        return load_noupdate_defaults(self.env, "customer_callback_complaint", DEFAULTS)

    @api.model
    def _default_for(self, company):
        """The default grade of ``company`` (its own first, then a shared one)."""
        grades = self.sudo().search(
            [("is_default", "=", True), ("company_id", "in", [company.id, False])],
            order="sequence, id",
        )
        own = grades.filtered(lambda g: g.company_id == company)
        return (own or grades)[:1].sudo(False)

    def _deadlines(self, start, company):
        """The three deadlines of a complaint reported at ``start`` (naive UTC)."""
        self.ensure_one()
        plan = None
        calendar = company.resource_calendar_id
        if self.working_time and calendar:

            def plan(moment, hours):
                # naive UTC in and out; global leaves (public holidays) are skipped
                return calendar.plan_hours(hours, moment, compute_leaves=True)

        return complaint_deadlines.compute_deadlines(
            start, self.first_response_hours, self.response_hours, self.resolution_hours, plan=plan
        )
