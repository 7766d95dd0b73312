# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The overdue digest's grouping and agent lines (pure logic, issue #18)."""

from datetime import date, timedelta

from odoo.tests import BaseCase, tagged

from ..tools import escalation


@tagged("post_install", "-at_install")
class TestEscalationTools(BaseCase):
    def test_agents_with_most_overdue_first_then_by_name_queue_last(self):
        rows = escalation.agent_rows({"Wang": 3, None: 7, "Li": 3, "Zhao": 10, "Sun": 0})
        self.assertEqual(rows, [("Zhao", 10), ("Li", 3), ("Wang", 3), (None, 7)])

    def test_no_queue_line_without_unassigned_callbacks(self):
        self.assertEqual(escalation.agent_rows({"Li": 1, None: 0}), [("Li", 1)])
        self.assertEqual(escalation.agent_rows({}), [])

    def test_digest_figures_count_new_since_the_previous_digest(self):
        day = date(2026, 12, 1)
        groups = [
            # (key, team, agent, deadline, count)
            ("lead1", "team A", "Zhou", day - timedelta(days=5), 3),
            ("lead1", "team A", "Zhou", day - timedelta(days=1), 2),
            ("lead1", "team B", None, day - timedelta(days=2), 1),
            ("lead1", None, "Wu", day - timedelta(days=1), 4),
            ("lead2", "team C", "Li", day - timedelta(days=30), 7),
        ]
        # lead1's previous digest was yesterday: what was due before yesterday
        # was in it; lead2 never had one
        figures = escalation.digest_figures(groups, {"lead1": day - timedelta(days=1)})
        lead1 = figures["lead1"]
        self.assertEqual((lead1.total, lead1.new), (10, 6))
        self.assertEqual(lead1.agents, {"Zhou": 5, None: 1, "Wu": 4})
        self.assertEqual(lead1.teams, {"team A", "team B"})
        self.assertTrue(lead1.without_team)
        lead2 = figures["lead2"]
        self.assertEqual((lead2.total, lead2.new, lead2.without_team), (7, 7, False))
        self.assertEqual(escalation.agent_rows(lead1.agents), [("Zhou", 5), ("Wu", 4), (None, 1)])

    def test_digest_figures_of_nothing_is_nothing(self):
        self.assertEqual(escalation.digest_figures([], {}), {})

    def test_a_callback_due_on_the_previous_digest_day_is_new(self):
        day = date(2026, 12, 1)
        previous = day - timedelta(days=3)
        groups = [("k", "t", "a", previous, 1), ("k", "t", "a", previous - timedelta(days=1), 1)]
        self.assertEqual(escalation.digest_figures(groups, {"k": previous})["k"].new, 1)
