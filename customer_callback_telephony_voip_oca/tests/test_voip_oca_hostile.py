# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile rows of the voip_oca adapter, through the server as the web
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
from odoo.addons.customer_callback.tests.test_hostile import call, write

ACCESS = ("odoo.exceptions.AccessError",)
USER_ERROR = ("odoo.exceptions.UserError",)
PHONE_A, PHONE_B = "13811112222", "13833334444"


def link(callback, voip_call):
    return call(
        "customer.callback",
        "voip_oca_link_call",
        lambda case: [getattr(case, callback).ids, getattr(case, voip_call).id],
    )


def linked(case, _result):
    case.env.invalidate_all()
    record = case.env["customer.callback.call"].search([("voip_call_id", "=", case.voip_agent.id)])
    case.assertEqual(record.callback_id, case.callback_agent)


ROWS = [
    Row("agent_ties_own_call", "agent", ALLOWED, link("callback_agent", "voip_agent"), linked),
    Row(
        "agent_ties_other_agents_call",
        "agent",
        REFUSED,
        link("callback_agent", "voip_other"),
        USER_ERROR,
    ),
    Row(
        "agent_ties_own_call_to_other_agents_callback",
        "agent",
        REFUSED,
        link("callback_other", "voip_agent"),
    ),
    Row(
        "agent_ties_a_call_to_another_number",
        "agent",
        REFUSED,
        link("callback_agent", "voip_stranger"),
        USER_ERROR,
    ),
    Row("portal_ties_a_call", "portal", REFUSED, link("callback_agent", "voip_agent")),
    Row(
        "agent_points_a_call_record_at_another_softphone_call",
        "agent",
        REFUSED,
        write(
            "customer.callback.call",
            "record_agent",
            lambda case: {"voip_call_id": case.voip_other.id},
        ),
        ACCESS,
    ),
    Row(
        "agent_dials_other_agents_callback",
        "agent",
        REFUSED,
        call("customer.callback", "action_telephony_dial", lambda case: [case.callback_other.ids]),
    ),
]


@tagged("post_install", "-at_install")
class TestVoipOcaHostile(HostileCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company.callback_telephony_provider = "voip_oca"
        pbx = env["voip.pbx"].create({"name": "Hostile PBX", "domain": "pbx.test"})
        agent, other = cls.users["agent"], cls.users["other_agent"]
        (agent | other).write({"voip_pbx_id": pbx.id})
        callbacks = {}
        for key, user, phone in (("agent", agent, PHONE_A), ("other", other, PHONE_B)):
            partner = env["res.partner"].create(
                {"name": f"Hostile voip {key}", "tz": "Asia/Shanghai", "phone": phone}
            )
            callbacks[key] = env["customer.callback"].create(
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "state": "in_progress",
                    "planned_date": cls.now,
                    "deadline": cls.now.date() + timedelta(days=2),
                }
            )
        cls.callback_agent, cls.callback_other = callbacks["agent"], callbacks["other"]
        VoipCall = env["voip.call"]
        cls.voip_agent = VoipCall.with_user(agent).create({"phone_number": PHONE_A})
        cls.voip_other = VoipCall.with_user(other).create({"phone_number": PHONE_A})
        cls.voip_stranger = VoipCall.with_user(agent).create({"phone_number": "17000000000"})
        cls.record_agent = env["customer.callback.call"].search(
            [("voip_call_id", "=", cls.voip_agent.id)]
        )
        assert cls.record_agent, "the softphone call made no call record"


make_row_tests(TestVoipOcaHostile, ROWS)
