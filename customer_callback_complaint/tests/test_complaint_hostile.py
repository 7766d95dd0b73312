# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile suite of the complaints (issue #15, moved from customer_callback's
test_hostile with the complaints, issue #31): the agent grades a complaint at
intake and only supervisors change its grade or deadlines afterwards (issue
#16 point 8), and one record of each model of the addon read and changed by
each profile, in the table format of customer_callback's hostile suite
(tests/hostile_common.py), on its records (HostileDataCase)."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    Row,
    make_row_tests,
)
from odoo.addons.customer_callback.tests.test_hostile import (
    HostileDataCase,
    call,
    read,
    write,
)

ACCESS = ("odoo.exceptions.AccessError",)
USER_ERROR = ("odoo.exceptions.UserError",)


def record_complaint(grade_xmlid):
    """The agent's intake of a complaint with its grade (issue #16 point 8)."""
    return call(
        "helpdesk.ticket",
        "create",
        lambda case: [
            {
                "name": "Hostile urgent complaint",
                "description": "<p>Water everywhere</p>",
                "partner_id": case.partner.id,
                "is_complaint": True,
                "team_id": case.team.id,
                "user_id": case.users["agent"].id,
                "complaint_grade_id": case.env.ref(grade_xmlid).id,
            }
        ],
    )


def complaint_graded(grade_xmlid):
    def check(case, result):
        ticket = case.env["helpdesk.ticket"].browse(result)
        grade = case.env.ref(grade_xmlid)
        case.assertEqual(ticket.complaint_grade_id, grade)
        case.assertEqual(
            ticket.response_deadline - ticket.complaint_date,
            timedelta(hours=grade.response_hours),
        )

    return check


def regraded_to(grade_xmlid):
    def check(case, _result):
        case.assertEqual(case.complaint.complaint_grade_id, case.env.ref(grade_xmlid))

    return check


URGENT = "customer_callback_complaint.customer_complaint_grade_urgent"

PROFILES = ("agent", "other_agent", "internal", "portal", "supervisor", "foreign_supervisor")

ROWS = [
    # -- issue #16 point 8: the agent grades at intake, supervisors after ----
    Row(
        "i16p08_agent_records_urgent_complaint",
        "agent",
        ALLOWED,
        record_complaint(URGENT),
        complaint_graded(URGENT),
    ),
    Row(
        "i16p08_agent_regrades_recorded_complaint",
        "agent",
        REFUSED,
        write(
            "helpdesk.ticket",
            "complaint",
            lambda case: {"complaint_grade_id": case.env.ref(URGENT).id},
        ),
        USER_ERROR,
    ),
    Row(
        "i16p08_agent_moves_recorded_deadline",
        "agent",
        REFUSED,
        write("helpdesk.ticket", "complaint", {"resolution_deadline": "2099-01-01 00:00:00"}),
        USER_ERROR,
    ),
    Row(
        "i16p08_supervisor_regrades_recorded_complaint",
        "supervisor",
        ALLOWED,
        write(
            "helpdesk.ticket",
            "complaint",
            lambda case: {"complaint_grade_id": case.env.ref(URGENT).id},
        ),
        regraded_to(URGENT),
    ),
    # -- access matrix through the server: one record of each model ---------
    *[
        Row(
            f"read_customer_complaint_grade_as_{profile}",
            profile,
            ALLOWED if profile in ("agent", "other_agent", "supervisor") else REFUSED,
            read("customer.complaint.grade", "grade"),
            ACCESS,
        )
        for profile in PROFILES
    ],
    *[
        Row(
            f"change_customer_complaint_grade_as_{profile}",
            profile,
            REFUSED,
            write("customer.complaint.grade", "grade", {"name": "hostile"}),
            ACCESS,
        )
        for profile in ("agent", "internal", "portal", "foreign_supervisor")
    ],
]


@tagged("post_install", "-at_install")
class TestComplaintHostile(HostileDataCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grade = cls.env["customer.complaint.grade"].create(
            {"name": "Hostile grade", "company_id": cls.company.id}
        )
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "Hostile recorded complaint",
                "description": "<p>Late delivery</p>",
                "partner_id": cls.partner.id,
                "is_complaint": True,
                "team_id": cls.team.id,
                "user_id": cls.users["agent"].id,
                "complaint_grade_id": cls.env.ref(
                    "customer_callback_complaint.customer_complaint_grade_normal"
                ).id,
            }
        )

    def test_every_model_of_the_addon_has_rows(self):
        """A new model of the addon gets its rows in ROWS."""
        self.assert_every_model_has_rows("customer_callback_complaint", ROWS)


make_row_tests(TestComplaintHostile, ROWS)
