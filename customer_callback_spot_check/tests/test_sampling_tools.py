# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spot-check sampling (pure logic)."""

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from odoo.addons.customer_callback.tests.hypothesis_settings import REPEATABLE

from ..tools import sampling as sp
from ..tools.sampling import Candidate


def pool(spec):
    """spec: {agent: number of customers}; partner ids are unique."""
    result, pid = [], 1
    for agent, count in spec.items():
        for _ in range(count):
            result.append(Candidate(pid, agent_id=agent, ticket_id=pid * 10))
            pid += 1
    return result


candidate_st = st.builds(
    Candidate,
    partner_id=st.integers(1, 60),
    agent_id=st.one_of(st.none(), st.integers(1, 5)),
    do_not_call=st.booleans(),
    open_callback=st.booleans(),
    prior_checks=st.integers(0, 4),
)


@tagged("post_install", "-at_install")
class TestSamplingTools(BaseCase):
    def test_exclusions_are_reported_and_applied(self):
        candidates = [
            Candidate(1, agent_id=7),
            Candidate(2, agent_id=7, do_not_call=True),
            Candidate(3, agent_id=7, open_callback=True),
            Candidate(4, agent_id=8, prior_checks=2),
            Candidate(5, agent_id=8, prior_checks=1),
            Candidate(1, agent_id=8),  # same customer from another source: first wins
        ]
        kept, excluded = sp.eligible(candidates, cap=2)
        self.assertEqual([c.partner_id for c in kept], [1, 5])
        self.assertEqual(kept[0].agent_id, 7)
        self.assertEqual(excluded, {"do_not_call": 1, "open_callback": 1, "cap": 1})
        # cap 0 = no limit
        kept, excluded = sp.eligible(candidates, cap=0)
        self.assertEqual([c.partner_id for c in kept], [1, 4, 5])

    def test_allocation_largest_remainder(self):
        # 10 draws over 6/3/1 customers: quotas after one each 7 * 5/7, 2/7... -> 6, 3, 1
        self.assertEqual(sp.allocate({"a": 6, "b": 3, "c": 1}, 10), {"a": 6, "b": 3, "c": 1})
        # 5 draws over 50/30/20: 1 each, then 2 remaining over 49/29/19 -> quotas 1.01, 0.6, 0.39
        self.assertEqual(sp.allocate({"a": 50, "b": 30, "c": 20}, 5), {"a": 2, "b": 2, "c": 1})
        # fewer draws than strata: purely proportional, largest remainders first
        self.assertEqual(sp.allocate({"a": 5, "b": 3, "c": 2}, 2), {"a": 1, "b": 1, "c": 0})
        self.assertEqual(sp.allocate({"a": 2}, 5), {"a": 2})
        self.assertEqual(sp.allocate({}, 5), {})

    def test_every_agent_is_represented_proportionally(self):
        candidates = pool({1: 60, 2: 30, 3: 9, None: 1})
        result = sp.sample(candidates, 50, seed=42)
        by_agent = {}
        for c in result.chosen:
            by_agent[c.agent_id] = by_agent.get(c.agent_id, 0) + 1
        self.assertEqual(by_agent, {1: 29, 2: 15, 3: 5, None: 1})
        self.assertEqual(result.allocation, by_agent)
        self.assertEqual(len({c.partner_id for c in result.chosen}), 50)
        self.assertFalse(result.short)

    def test_reproducible_from_the_seed_and_independent_of_row_order(self):
        candidates = pool({1: 40, 2: 40, 3: 40})
        first = sp.sample(candidates, 30, seed=1234)
        again = sp.sample(list(reversed(candidates)), 30, seed=1234)
        other = sp.sample(candidates, 30, seed=4321)
        self.assertEqual(first.chosen, again.chosen)
        self.assertNotEqual(
            {c.partner_id for c in first.chosen}, {c.partner_id for c in other.chosen}
        )

    def test_small_pool_is_flagged_short(self):
        candidates = pool({1: 3}) + [Candidate(99, agent_id=1, do_not_call=True)]
        result = sp.sample(candidates, 50, seed=1)
        self.assertTrue(result.short)
        self.assertEqual(result.pool_size, 4)
        self.assertEqual(result.eligible_size, 3)
        self.assertEqual(len(result.chosen), 3)

    def test_new_seed_is_positive(self):
        self.assertTrue(1 <= sp.new_seed() <= sp.SEED_MAX)

    @REPEATABLE
    @given(
        st.lists(candidate_st, max_size=80),
        st.integers(0, 70),
        st.integers(1, 10**6),
        st.integers(0, 3),
    )
    def test_property_sample_honours_cap_and_exclusions(self, candidates, size, seed, cap):
        result = sp.sample(candidates, size, seed, cap=cap)
        first = {}
        for c in candidates:
            first.setdefault(c.partner_id, c)
        chosen_ids = [c.partner_id for c in result.chosen]
        self.assertTrue(len(chosen_ids) == len(set(chosen_ids)) == min(size, result.eligible_size))
        for c in result.chosen:
            self.assertIs(c, first[c.partner_id])
            self.assertFalse(c.do_not_call)
            self.assertFalse(c.open_callback)
            # after this spot-check, the customer is still within the cap
            if cap:
                self.assertLessEqual(c.prior_checks + 1, cap)
        self.assertEqual(result.short, result.eligible_size < size)
        self.assertEqual(result.eligible_size + sum(result.excluded.values()), result.pool_size)

    @REPEATABLE
    @given(
        st.dictionaries(st.integers(1, 20), st.integers(0, 100), max_size=12), st.integers(0, 300)
    )
    def test_property_allocation_sums_to_the_sample_size(self, sizes, total):
        allocation = sp.allocate(sizes, total)
        available = sum(sizes.values())
        self.assertEqual(sum(allocation.values()), min(total, available))
        for key, count in allocation.items():
            self.assertTrue(0 <= count <= sizes[key])
        nonempty = [key for key, size in sizes.items() if size]
        if total >= len(nonempty):
            self.assertTrue(all(allocation[key] >= 1 for key in nonempty))
        # proportional: no stratum is more than one draw (plus the guaranteed one) off its quota
        if available and total <= available:
            for key in nonempty:
                quota = total * sizes[key] / available
                self.assertLess(abs(allocation[key] - quota), len(nonempty) + 1)

    def test_callers_never_check_their_own_work_when_possible(self):
        chosen = [
            Candidate(1, agent_id=7),
            Candidate(2, agent_id=7),
            Candidate(3, agent_id=8),
            Candidate(4),
        ]
        self.assertEqual(sp.assign_callers(chosen, [7, 8]), [8, 8, 7, 7])
        self.assertEqual(sp.assign_callers(chosen, [7]), [7, 7, 7, 7])
        self.assertEqual(sp.assign_callers(chosen, []), [False] * 4)

    @REPEATABLE
    @given(
        st.lists(
            st.builds(
                Candidate,
                partner_id=st.integers(1, 99),
                agent_id=st.one_of(st.none(), st.integers(1, 4)),
            ),
            max_size=40,
        ),
        st.lists(st.integers(1, 4), min_size=2, max_size=4, unique=True),
    )
    def test_property_callers_balanced_and_independent(self, chosen, callers):
        result = sp.assign_callers(chosen, callers)
        self.assertEqual(len(result), len(chosen))
        for candidate, uid in zip(chosen, result, strict=True):
            self.assertIn(uid, callers)
            self.assertNotEqual(uid, candidate.agent_id)
