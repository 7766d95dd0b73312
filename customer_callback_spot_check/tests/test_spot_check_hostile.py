# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile suite of the spot-checks (issue #15, moved from customer_callback's
test_hostile with the spot-checks, issue #31): only supervisors rebalance a
spot-check (issue #16 point 11), and one record of each model of the addon
read and changed by each profile, in the table format of customer_callback's
hostile suite (tests/hostile_common.py), on its records (HostileDataCase)."""

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
PROFILES = ("agent", "other_agent", "internal", "portal", "supervisor", "foreign_supervisor")


def rebalanced_to_agent(case, _result):
    calls = case.batch.callback_ids.filtered(lambda c: c.state in ("draft", "planned"))
    case.assertTrue(calls)
    # the agent checked is never her own caller: her call stays with another one
    case.assertEqual(
        calls.filtered(lambda c: c.checked_user_id != case.users["agent"]).user_id,
        case.users["agent"],
    )


def make_spot_check_records(cls):
    """The spot-check records of the hostile rows on HostileDataCase's
    records (``cls``): a batch with one call of the agent and one she may not
    read, its draw and rebalance wizards (customer_callback_report's hostile
    suite uses them too)."""
    env = cls.env
    Callback = env["customer.callback"]
    agent, other_agent = cls.users["agent"], cls.users["other_agent"]
    supervisor = cls.users["supervisor"]
    base = {
        "partner_id": cls.partner.id,
        "company_id": cls.company.id,
        "state": "planned",
        "planned_date": cls.now,
        "deadline": cls.now.date() + timedelta(days=3),
    }
    # a spot-check batch: one callback of the agent, others she may not read
    cls.batch = env["customer.callback.spot.check"].create(
        {"date_from": cls.month, "leader_id": supervisor.id}
    )
    spot = dict(base, segment="spot_check", spot_check_id=cls.batch.id)
    Callback.create(
        [
            dict(spot, user_id=agent.id, checked_user_id=other_agent.id),
            dict(spot, partner_id=cls.duplicate.id, user_id=supervisor.id, feedback="secret"),
        ]
    )
    cls.batch.state = "sampled"
    cls.sample_wizard = (
        env["customer.callback.spot.check.wizard"]
        .with_user(supervisor)
        .create({"spot_check_id": cls.batch.id})
        .sudo()
    )
    cls.rebalance_wizard = (
        env["customer.callback.spot.check.rebalance"]
        .with_user(supervisor)
        .create({"spot_check_id": cls.batch.id, "user_ids": [(6, 0, agent.ids)]})
        .sudo()
    )


ROWS = [
    # -- issue #16 point 11: only supervisors rebalance a spot-check ---------
    Row(
        "i16p11_agent_opens_rebalance",
        "agent",
        REFUSED,
        call(
            "customer.callback.spot.check",
            "action_open_rebalance_wizard",
            lambda case: [case.batch.ids],
        ),
        ACCESS,
    ),
    Row(
        "i16p11_agent_rebalances_to_herself",
        "agent",
        REFUSED,
        call(
            "customer.callback.spot.check.rebalance",
            "create",
            lambda case: [
                {"spot_check_id": case.batch.id, "user_ids": [(6, 0, case.users["agent"].ids)]}
            ],
        ),
        ACCESS,
    ),
    Row(
        "i16p11_supervisor_rebalances",
        "supervisor",
        ALLOWED,
        call(
            "customer.callback.spot.check.rebalance",
            "action_rebalance",
            lambda case: [case.rebalance_wizard.ids],
        ),
        rebalanced_to_agent,
    ),
    *[
        Row(
            f"read_{model.replace('.', '_')}_as_{profile}",
            profile,
            ALLOWED if profile in allowed else REFUSED,
            read(model, record),
            ACCESS,
        )
        for model, record, allowed in [
            ("customer.callback.spot.check", "batch", ("agent", "supervisor")),
            ("customer.callback.spot.check.wizard", "sample_wizard", ("supervisor",)),
            ("customer.callback.spot.check.rebalance", "rebalance_wizard", ("supervisor",)),
        ]
        for profile in PROFILES
    ],
    *[
        Row(
            f"change_customer_callback_spot_check_as_{profile}",
            profile,
            REFUSED,
            write("customer.callback.spot.check", "batch", {"name": "hostile"}),
            ACCESS,
        )
        for profile in ("agent", "internal", "portal", "foreign_supervisor")
    ],
]


@tagged("post_install", "-at_install")
class TestSpotCheckHostile(HostileDataCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        make_spot_check_records(cls)

    def test_every_model_of_the_addon_has_rows(self):
        """A new model of the addon gets its rows in ROWS."""
        self.assert_every_model_has_rows("customer_callback_spot_check", ROWS)


make_row_tests(TestSpotCheckHostile, ROWS)
