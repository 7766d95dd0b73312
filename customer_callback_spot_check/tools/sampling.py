# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Monthly spot-check sampling (SPEC §3 and §7, 002). Pure functions, no ORM.

The pool is a list of :class:`Candidate` (one per customer), built by one SQL
query in the model. This module decides who is left out and who is drawn:

- :func:`eligible` removes the customers who must not be called (do-not-call,
  an open callback, already spot-checked ``cap`` times in the window);
- :func:`allocate` splits the sample between strata (the agents whose work is
  checked) with the largest-remainder method;
- :func:`draw` picks the customers at random inside each stratum, reproducibly
  from a seed.

Reproducibility: the result depends only on the candidates (as a set), the
size and the seed; candidates and strata are sorted before the random
generator is used, so the order of the SQL rows does not matter.
"""

import random
from dataclasses import dataclass

from odoo.addons.customer_callback.tools import assignment

# Why a customer of the pool was left out.
EXCLUDED_DO_NOT_CALL = "do_not_call"
EXCLUDED_OPEN_CALLBACK = "open_callback"
EXCLUDED_CAP = "cap"
EXCLUSION_REASONS = (EXCLUDED_DO_NOT_CALL, EXCLUDED_OPEN_CALLBACK, EXCLUDED_CAP)

SEED_MAX = 2**31 - 1


@dataclass(frozen=True)
class Candidate:
    partner_id: int
    # The stratum: the agent whose work is checked (None: no agent, e.g. a VIP
    # customer without a ticket in the period).
    agent_id: int | None = None
    ticket_id: int | None = None
    source: str = ""
    do_not_call: bool = False
    open_callback: bool = False
    # Spot-checks of this customer already made within the cap window.
    prior_checks: int = 0


@dataclass(frozen=True)
class Sample:
    chosen: tuple  # Candidates, sorted by (stratum, partner)
    pool_size: int  # customers in the pool before exclusions
    eligible_size: int
    excluded: dict  # reason -> count
    allocation: dict  # stratum -> count
    short: bool  # fewer eligible customers than the requested size


def _stratum_key(agent_id):
    return (agent_id is None, agent_id or 0)


def exclusion_reason(candidate, cap):
    """The first reason ``candidate`` cannot be spot-checked, or None.

    ``cap``: at most that many spot-checks per customer in the window
    (0 = no limit)."""
    if candidate.do_not_call:
        return EXCLUDED_DO_NOT_CALL
    if candidate.open_callback:
        return EXCLUDED_OPEN_CALLBACK
    if cap and candidate.prior_checks >= cap:
        return EXCLUDED_CAP
    return None


def eligible(candidates, cap):
    """(eligible candidates, {reason: count}); one candidate per customer.

    When a customer appears more than once, the first occurrence wins (the
    SQL orders the sources by priority)."""
    seen = set()
    kept = []
    excluded = dict.fromkeys(EXCLUSION_REASONS, 0)
    for candidate in candidates:
        if candidate.partner_id in seen:
            continue
        seen.add(candidate.partner_id)
        reason = exclusion_reason(candidate, cap)
        if reason:
            excluded[reason] += 1
        else:
            kept.append(candidate)
    return kept, excluded


def allocate(sizes, total):
    """Split ``total`` draws between strata proportionally to their ``sizes``.

    ``sizes``: {stratum: number of eligible customers}. Largest-remainder
    (Hamilton) method; ties go to the larger stratum, then to the stratum
    key. When ``total`` covers every stratum at least once, every stratum
    gets at least one draw (every agent is represented), the rest is split
    proportionally. A stratum never gets more draws than it has customers;
    the allocation sums to ``min(total, sum(sizes))``.
    """
    sizes = {key: size for key, size in sizes.items() if size > 0}
    available = sum(sizes.values())
    total = max(0, min(total, available))
    result = dict.fromkeys(sizes, 0)
    if not total:
        return result
    if total >= len(sizes):
        for key in sizes:
            result[key] = 1
    remaining_total = total - sum(result.values())
    remaining = {key: sizes[key] - result[key] for key in sizes}
    pool = sum(remaining.values())
    if remaining_total and pool:
        quotas = {key: remaining_total * size / pool for key, size in remaining.items()}
        for key, quota in quotas.items():
            result[key] += int(quota)
        left = remaining_total - sum(int(q) for q in quotas.values())
        order = sorted(
            quotas,
            key=lambda k: (-(quotas[k] - int(quotas[k])), -sizes[k], _stratum_key(k)),
        )
        for key in order:
            if not left:
                break
            if result[key] < sizes[key]:
                result[key] += 1
                left -= 1
    return result


def draw(candidates, size, seed):
    """Stratified random draw of ``size`` candidates, reproducible by ``seed``."""
    strata = {}
    for candidate in candidates:
        strata.setdefault(candidate.agent_id, []).append(candidate)
    allocation = allocate({key: len(members) for key, members in strata.items()}, size)
    rng = random.Random(seed)
    chosen = []
    for key in sorted(strata, key=_stratum_key):
        members = sorted(strata[key], key=lambda c: c.partner_id)
        chosen.extend(rng.sample(members, allocation.get(key, 0)))
    return tuple(chosen), allocation


def sample(candidates, size, seed, cap=0):
    """Exclusions, then the stratified draw: a :class:`Sample`."""
    candidates = list(candidates)
    kept, excluded = eligible(candidates, cap)
    chosen, allocation = draw(kept, size, seed)
    return Sample(
        chosen=chosen,
        pool_size=len({c.partner_id for c in candidates}),
        eligible_size=len(kept),
        excluded=excluded,
        allocation=allocation,
        short=len(kept) < size,
    )


def new_seed(rng=None):
    """A fresh seed to store on the batch."""
    return (rng or random.SystemRandom()).randint(1, SEED_MAX)


def assign_callers(chosen, caller_ids):
    """One caller per chosen candidate, balanced (least loaded first, ties to
    the earlier caller). Nobody is asked to spot-check their own work when
    another caller is available. Returns a list of user ids (False when
    there is no caller). The loads of the callers: ``assignment.spread``."""
    return assignment.spread([candidate.agent_id for candidate in chosen], caller_ids)
