# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile rows of the telephony models, through the server as the web
client sends them (the table of customer_callback's hostile suite)."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    HostileCase,
    Row,
    make_row_tests,
)
from odoo.addons.customer_callback.tests.test_hostile import call, read, write

ACCESS = ("odoo.exceptions.AccessError",)
USER_ERROR = ("odoo.exceptions.UserError",)


def create(model, vals):
    return call(model, "create", lambda case: [vals(case) if callable(vals) else vals])


def unmatched_linked(case, _result):
    case.env.invalidate_all()
    case.assertEqual(case.unmatched_call.state, "attempt")
    # the agent's own call made the first attempt, the linked one the second
    case.assertEqual(case.callback_agent.attempt_ids.mapped("result"), ["no_answer"] * 2)


ROWS = [
    Row("agent_reads_own_call", "agent", ALLOWED, read("customer.callback.call", "call_agent")),
    Row(
        "agent_reads_other_agents_call",
        "agent",
        REFUSED,
        read("customer.callback.call", "call_other"),
        ACCESS,
    ),
    Row(
        "agent_reads_unmatched_call",
        "agent",
        REFUSED,
        read("customer.callback.call", "unmatched_call"),
        ACCESS,
    ),
    Row(
        "foreign_supervisor_reads_call",
        "foreign_supervisor",
        REFUSED,
        read("customer.callback.call", "call_agent"),
        ACCESS,
    ),
    Row("portal_reads_call", "portal", REFUSED, read("customer.callback.call", "call_agent")),
    Row("internal_reads_call", "internal", REFUSED, read("customer.callback.call", "call_agent")),
    Row(
        "agent_rewrites_own_call_outcome",
        "agent",
        REFUSED,
        write("customer.callback.call", "call_agent", {"outcome": "hung_up"}),
        ACCESS,
    ),
    Row(
        "agent_forges_a_call",
        "agent",
        REFUSED,
        create(
            "customer.callback.call",
            lambda case: {"call_ref": "forged", "callback_id": case.callback_agent.id},
        ),
        ACCESS,
    ),
    Row(
        "supervisor_deletes_a_call",
        "supervisor",
        REFUSED,
        call("customer.callback.call", "unlink", lambda case: [case.call_agent.ids]),
    ),
    Row(
        "agent_calls_the_private_ingestion",
        "agent",
        REFUSED,
        call(
            "customer.callback.call",
            "_telephony_ingest",
            lambda case: [[{"provider": "generic", "call_ref": "x", "company_id": 1}]],
        ),
    ),
    Row(
        "agent_links_unmatched_call",
        "agent",
        REFUSED,
        call(
            "customer.callback.call",
            "action_link_callback",
            lambda case: [case.unmatched_call.ids],
        ),
    ),
    Row(
        "supervisor_links_unmatched_call",
        "supervisor",
        ALLOWED,
        lambda case, profile: (
            case.rpc(
                profile,
                "customer.callback.call",
                "write",
                [case.unmatched_call.ids, {"callback_id": case.callback_agent.id}],
            ),
            case.rpc(
                profile,
                "customer.callback.call",
                "action_link_callback",
                [case.unmatched_call.ids],
            ),
        ),
        unmatched_linked,
    ),
    Row(
        "agent_dials_other_agents_callback",
        "agent",
        REFUSED,
        call(
            "customer.callback",
            "action_telephony_dial",
            lambda case: [case.callback_other.ids],
        ),
    ),
    Row(
        "agent_dials_without_phone_system",
        "agent",
        REFUSED,
        call(
            "customer.callback",
            "action_telephony_dial",
            lambda case: [case.callback_agent.ids],
        ),
        USER_ERROR,
    ),
    Row(
        "agent_reads_causes",
        "agent",
        REFUSED,
        read("customer.callback.call.cause", "cause"),
        ACCESS,
    ),
    Row(
        "supervisor_rewrites_a_cause",
        "supervisor",
        REFUSED,
        write("customer.callback.call.cause", "cause", {"outcome": "connected"}),
        ACCESS,
    ),
    Row(
        "admin_adds_a_company_cause",
        "admin",
        ALLOWED,
        create(
            "customer.callback.call.cause",
            lambda case: {
                "provider": "generic",
                "code": "17",
                "outcome": "no_answer",
                "company_id": case.company.id,
            },
        ),
    ),
    Row(
        "supervisor_reads_pushes",
        "supervisor",
        REFUSED,
        read("customer.callback.call.event", "push"),
        ACCESS,
    ),
    Row("admin_reads_pushes", "admin", ALLOWED, read("customer.callback.call.event", "push")),
    Row(
        "agent_forges_a_push",
        "agent",
        REFUSED,
        create(
            "customer.callback.call.event",
            lambda case: {
                "provider": "generic",
                "company_id": case.company.id,
                "payload": "{}",
                "digest": "x",
            },
        ),
        ACCESS,
    ),
    Row(
        "agent_huge_keypad_press",
        "supervisor",
        REFUSED,
        write("customer.callback.call", "unmatched_call", {"keypad_press": "9" * 10_000}),
        ("odoo.exceptions.ValidationError",),
    ),
]


@tagged("post_install", "-at_install")
class TestTelephonyHostile(HostileCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        now = cls.now
        Partner = env["res.partner"]
        callbacks = {}
        for key, user, phone in (
            ("agent", cls.users["agent"], "13811112222"),
            ("other", cls.users["other_agent"], "13833334444"),
        ):
            partner = Partner.create(
                {"name": f"Hostile {key}", "tz": "Asia/Shanghai", "phone": phone}
            )
            callbacks[key] = env["customer.callback"].create(
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "state": "in_progress",
                    "planned_date": now,
                    "deadline": now.date() + timedelta(days=2),
                }
            )
        cls.callback_agent, cls.callback_other = callbacks["agent"], callbacks["other"]
        Call = env["customer.callback.call"]

        def ended(ref, number, user, cause="16"):
            return {
                "provider": "generic",
                "company_id": cls.company.id,
                "call_ref": ref,
                "callee_number": number,
                "agent_ref": user.login,
                "ring_date": now - timedelta(minutes=3),
                "hangup_date": now - timedelta(minutes=2),
                "provider_cause": cause,
                "event_date": now - timedelta(minutes=2),
            }

        cls.call_agent = Call._telephony_ingest(
            [ended("hx-1", "13811112222", cls.users["agent"], "19")]
        )
        cls.call_other = Call._telephony_ingest(
            [ended("hx-2", "13833334444", cls.users["other_agent"], "19")]
        )
        cls.unmatched_call = Call._telephony_ingest(
            [ended("hx-3", "17000000000", cls.users["agent"], "19")]
        )
        cls.unmatched_call.user_id = False
        cls.cause = env.ref("customer_callback_telephony.cause_generic_17")
        env["customer.callback.call.event"]._telephony_receive(
            "generic", cls.company, "cdr", b'{"call_ref": "hx-push"}'
        )
        cls.push = env["customer.callback.call.event"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )


make_row_tests(TestTelephonyHostile, ROWS)
