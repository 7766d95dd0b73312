# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The overdue digest's grouping and agent lines (pure logic, issue #18)."""

from odoo.addons.customer_callback.tools import escalation


def test_team_groups_go_to_their_leaders_digest_in_order():
    callbacks = [("a", "lead1"), ("b", "lead2"), ("c", "lead1")]
    groups = escalation.group_by_digest(callbacks, lambda cb: (cb[1], 1))
    assert groups == {
        ("lead1", 1): [("a", "lead1"), ("c", "lead1")],
        ("lead2", 1): [("b", "lead2")],
    }


def test_same_leader_in_two_companies_gets_two_digests():
    groups = escalation.group_by_digest([("a", 1), ("b", 2)], lambda cb: ("lead", cb[1]))
    assert sorted(groups) == [("lead", 1), ("lead", 2)]


def test_agents_with_most_overdue_first_then_by_name_queue_last():
    rows = escalation.agent_rows({"Wang": 3, None: 7, "Li": 3, "Zhao": 10, "Sun": 0})
    assert rows == [("Zhao", 10), ("Li", 3), ("Wang", 3), (None, 7)]


def test_no_queue_line_without_unassigned_callbacks():
    assert escalation.agent_rows({"Li": 1, None: 0}) == [("Li", 1)]
    assert escalation.agent_rows({}) == []
