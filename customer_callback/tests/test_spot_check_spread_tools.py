# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spreading spot-check calls over agents and call windows (pure logic,
issue #16 point 11)."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import assignment, call_window
from .hypothesis_settings import REPEATABLE


@tagged("post_install", "-at_install")
class TestSpotCheckSpreadTools(BaseCase):
    def test_spread_never_gives_an_agent_her_own_work(self):
        checked = [7, 7, 8, 8, 9, False]
        result = assignment.spread(checked, [7, 8, 9])
        self.assertTrue(
            all(agent != own for agent, own in zip(result, checked, strict=True) if own)
        )
        self.assertEqual(sorted(Counter(result).values()), [2, 2, 2])

    def test_spread_balances_by_open_load(self):
        # agent 1 already has 4 open callbacks: the 6 calls go to 2 and 3 first
        result = assignment.spread([False] * 6, [1, 2, 3], {1: 4, 2: 0, 3: 1})
        self.assertEqual(Counter(result), {2: 4, 3: 2})
        # ties go to the earlier agent
        self.assertEqual(assignment.spread([False], [5, 4]), [5])

    def test_spread_alone_or_nobody(self):
        # the only agent checks her own work rather than nobody calling
        self.assertEqual(assignment.spread([3, 3], [3]), [3, 3])
        self.assertEqual(assignment.spread([3, False], []), [False, False])

    def test_slots_go_round_the_windows(self):
        available = ("morning", "afternoon")
        self.assertEqual(assignment.slots_to_avoid([], available), ())
        self.assertEqual(assignment.slots_to_avoid(["morning"], available), ("morning",))
        self.assertEqual(assignment.slots_to_avoid(["morning", "afternoon"], available), ())
        self.assertEqual(
            assignment.slots_to_avoid(["morning", "afternoon", "afternoon"], available),
            ("afternoon",),
        )
        # a slot the windows do not have is never avoided nor waited for
        self.assertEqual(assignment.slots_to_avoid(["evening"], available), ())
        self.assertEqual(assignment.slots_to_avoid(["morning"], ()), ())

    def test_window_slots_of_the_sop_windows(self):
        windows = {"workday": [(9.0, 12.0), (14.0, 18.0)], "weekend": [(10.0, 12.0)]}
        self.assertEqual(call_window.window_slots(windows), ("morning", "afternoon"))
        evening = {"workday": [(9.0, 12.0), (14.0, 20.0)]}
        self.assertEqual(call_window.window_slots(evening), ("morning", "afternoon", "evening"))
        self.assertEqual(call_window.window_slots({}), ())

    @REPEATABLE
    @given(
        checked=st.lists(st.one_of(st.just(False), st.integers(1, 5)), max_size=40),
        agents=st.lists(st.integers(1, 5), min_size=2, max_size=5, unique=True),
        loads=st.dictionaries(st.integers(1, 5), st.integers(0, 10)),
    )
    def test_spread_properties(self, checked, agents, loads):
        result = assignment.spread(checked, agents, loads)
        self.assertEqual(len(result), len(checked))
        self.assertLessEqual(set(result), set(agents))
        for agent, own in zip(result, checked, strict=True):
            self.assertNotEqual(agent, own, "another agent was available")
        # balanced: an agent who got a call ends at most one above the least
        # loaded agent (the exclusions aside: only calls checking nobody count)
        free = [False] * len(checked)
        given_to = Counter(assignment.spread(free, agents, loads))
        total = {a: loads.get(a, 0) + given_to[a] for a in agents}
        for agent in given_to:
            self.assertLessEqual(total[agent], min(total.values()) + 1)

    @REPEATABLE
    @given(used=st.lists(st.sampled_from(call_window.SLOTS), max_size=12))
    def test_slots_to_avoid_always_leaves_a_slot(self, used):
        available = ("morning", "afternoon")
        avoid = assignment.slots_to_avoid(used, available)
        self.assertTrue(set(available) - set(avoid))
