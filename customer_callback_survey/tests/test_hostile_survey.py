# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile suite of the survey addon (issue #15): its model, its fields on
callbacks and tickets, and the demo roles, in the table format of
customer_callback's hostile suite (tests/hostile_common.py)."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    HostileCase,
    Row,
    make_row_tests,
)

ACCESS = ("odoo.exceptions.AccessError",)


def call(model, method, args, kwargs=None):
    def run(case, profile):
        return case.rpc(profile, model, method, args(case), kwargs)

    return run


def read(model, record, field_names=("display_name",)):
    return call(model, "read", lambda case: [getattr(case, record).ids, list(field_names)])


def not_stored(model_record):
    """The created record has no survey score (the value was refused)."""

    def check(case, result):
        case.assertFalse(case.env[model_record].browse(result).survey_score)

    return check


def demo_reads_survey_answers(case, profile):
    demo = case.env.ref("base.user_demo", raise_if_not_found=False)
    if not demo or not demo.has_group("customer_callback.customer_callback_group_agent"):
        case.skipTest("no demo data: the demo agent's groups are checked on a demo database")
    return case.rpc(profile, "survey.user_input", "search_read", [[]], {"fields": ["id"]})


ROWS = [
    # -- 4. the survey score is the customer's answer, also on create -------
    Row(
        "p04_agent_creates_callback_with_survey_score",
        "agent",
        REFUSED,
        call(
            "customer.callback",
            "create",
            lambda case: [{"partner_id": case.partner.id, "survey_score": 1}],
        ),
        ACCESS,
    ),
    Row(
        "p04_agent_creates_ticket_with_survey_score",
        "agent",
        REFUSED,
        call(
            "helpdesk.ticket",
            "create",
            lambda case: [
                {
                    "name": "Hostile",
                    "description": "<p>x</p>",
                    "partner_id": case.partner.id,
                    "team_id": case.team.id,
                    "user_id": case.users["agent"].id,
                    "survey_score": 1,
                }
            ],
        ),
        ACCESS,
    ),
    Row(
        "p04_agent_writes_callback_survey_score",
        "agent",
        REFUSED,
        call("customer.callback", "write", lambda case: [case.callback.ids, {"survey_score": 5}]),
        ACCESS,
    ),
    Row(
        "p04_agent_creates_ticket_without_survey_score",
        "agent",
        ALLOWED,
        call(
            "helpdesk.ticket",
            "create",
            lambda case: [
                {
                    "name": "Hostile",
                    "description": "<p>x</p>",
                    "partner_id": case.partner.id,
                    "team_id": case.team.id,
                    "user_id": case.users["agent"].id,
                }
            ],
        ),
        not_stored("helpdesk.ticket"),
    ),
    # -- 7. the ticket's survey score is for callback users ------------------
    Row(
        "p07_helpdesk_user_reads_ticket_survey_score",
        "helpdesk",
        REFUSED,
        read("helpdesk.ticket", "ticket", ["survey_score"]),
        ACCESS,
    ),
    Row(
        "p07_helpdesk_user_reads_ticket",
        "helpdesk",
        ALLOWED,
        read("helpdesk.ticket", "ticket", ["name"]),
    ),
    Row(
        "p07_agent_reads_ticket_survey_score",
        "agent",
        ALLOWED,
        read("helpdesk.ticket", "ticket", ["survey_score"]),
    ),
    # -- 11. the demo agent reads no survey answers --------------------------
    Row("p11_demo_agent_reads_survey_answers", "demo", REFUSED, demo_reads_survey_answers, ACCESS),
    # -- access matrix through the server ------------------------------------
    *[
        Row(
            f"read_survey_request_as_{profile}",
            profile,
            ALLOWED if profile in ("agent", "supervisor") else REFUSED,
            read("customer.callback.survey.request", "request"),
            ACCESS,
        )
        for profile in (
            "agent",
            "other_agent",
            "internal",
            "helpdesk",
            "portal",
            "supervisor",
            "foreign_supervisor",
        )
    ],
    *[
        Row(
            f"change_survey_request_as_{profile}",
            profile,
            REFUSED,
            call(
                "customer.callback.survey.request",
                "write",
                lambda case: [case.request.ids, {"score": 5}],
            ),
            ACCESS,
        )
        for profile in ("agent", "other_agent", "internal", "portal", "foreign_supervisor")
    ],
    *[
        Row(
            f"read_survey_answers_as_{profile}",
            profile,
            REFUSED,
            read("survey.user_input", "user_input"),
            ACCESS,
        )
        for profile in ("agent", "other_agent", "internal", "portal", "foreign_supervisor")
    ],
    Row(
        "read_survey_answers_as_supervisor",
        "supervisor",
        ALLOWED,
        read("survey.user_input", "user_input"),
    ),
    # -- the answers of another company's complaints and callbacks (a global
    #    rule written in Python since issue #28, 7): refused in every way --
    Row(
        "read_callback_survey_answers_as_supervisor",
        "supervisor",
        ALLOWED,
        read("survey.user_input", "callback_input"),
    ),
    Row(
        "read_callback_survey_answers_as_foreign_supervisor",
        "foreign_supervisor",
        REFUSED,
        read("survey.user_input", "callback_input"),
        ACCESS,
    ),
    Row(
        "search_survey_answers_as_foreign_supervisor",
        "foreign_supervisor",
        ALLOWED,
        call("survey.user_input", "search_read", lambda case: [[]], {"fields": ["id"]}),
        lambda case, result: case.assertFalse(
            {row["id"] for row in result} & {case.user_input.id, case.callback_input.id}
        ),
    ),
    Row(
        "count_customer_survey_answers_as_foreign_supervisor",
        "foreign_supervisor",
        ALLOWED,
        call(
            "survey.user_input",
            "search_count",
            lambda case: [[("partner_id", "=", case.partner.id)]],
        ),
        lambda case, result: case.assertEqual(result, 0),
    ),
    Row(
        "write_survey_answers_as_foreign_supervisor",
        "foreign_supervisor",
        REFUSED,
        call(
            "survey.user_input",
            "write",
            lambda case: [case.user_input.ids, {"nickname": "hostile"}],
        ),
        ACCESS,
    ),
    Row(
        "delete_callback_survey_answers_as_foreign_supervisor",
        "foreign_supervisor",
        REFUSED,
        call("survey.user_input", "unlink", lambda case: [case.callback_input.ids]),
        ACCESS,
    ),
    Row(
        "create_survey_answer_on_ticket_as_foreign_supervisor",
        "foreign_supervisor",
        REFUSED,
        call(
            "survey.user_input",
            "create",
            lambda case: [{"survey_id": case.survey.id, "ticket_id": case.ticket.id}],
        ),
        ACCESS,
    ),
]


@tagged("post_install", "-at_install")
class TestHostileSurvey(HostileCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        agent = cls.users["agent"]
        cls.callback = env["customer.callback"].create(
            {
                "partner_id": cls.partner.id,
                "user_id": agent.id,
                "team_id": cls.team.id,
                "state": "planned",
                "planned_date": cls.now,
                "deadline": cls.now.date() + timedelta(days=3),
            }
        )
        cls.ticket = env["helpdesk.ticket"].create(
            {
                "name": "Hostile complaint",
                "description": "<p>Leaks</p>",
                "partner_id": cls.partner.id,
                "team_id": cls.team.id,
                "user_id": agent.id,
                "survey_score": 2,
            }
        )
        survey = env["survey.survey"].create({"title": "Hostile survey"})
        cls.survey = survey
        cls.user_input = survey._create_answer(partner=cls.partner)
        cls.user_input.ticket_id = cls.ticket
        cls.callback_input = survey._create_answer(partner=cls.partner)
        cls.callback_input.callback_id = cls.callback
        cls.request = env["customer.callback.survey.request"].create(
            {
                "partner_id": cls.partner.id,
                "company_id": cls.company.id,
                "trigger": "complaint",
                "ticket_id": cls.ticket.id,
                "team_id": cls.team.id,
                "due_date": cls.now,
            }
        )

    def test_every_model_of_the_addon_has_rows(self):
        models = {
            model
            for model in self.env.registry
            if self.env[model]._original_module == "customer_callback_survey"
            and not self.env[model]._abstract
        }
        covered = {row.name for row in ROWS}
        self.assertEqual(models, {"customer.callback.survey.request"})
        self.assertIn("read_survey_request_as_portal", covered)


make_row_tests(TestHostileSurvey, ROWS)
