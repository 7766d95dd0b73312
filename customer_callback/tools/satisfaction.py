# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction figures of spot-checks and callbacks (SPEC §3, §6, §7). Pure.

Scoring rules (002 §2 and §9):

- the 5-point scale: 5 very satisfied … 1 very dissatisfied;
- a callback closed as *unreachable* or *declined before connecting* is left
  out of the score (counted apart);
- a customer who hung up after connecting counts as 3: the attempt policy
  closes such callbacks as done with that score, so they are scored like any
  done callback;
- satisfaction = sum of scores / number of scored callbacks.

Confidence interval (95 %): Student's t interval on the mean score,
``mean ± t(0.975, n - 1) · s / √n`` with ``s`` the sample standard
deviation, clipped to the scale [1, 5]. It needs two scored callbacks; with
zero spread it collapses to the mean. The t quantile is exact for 1 and 2
degrees of freedom, read from the usual table (4 decimals) up to 30 and a
Cornish-Fisher expansion beyond (error below 0.0001 there).
"""

import math
from dataclasses import dataclass, field

SCALE = (1, 2, 3, 4, 5)
SCORED = "scored"
UNREACHABLE = "unreachable"
DECLINED = "declined"
OPEN = "open"
CANCELLED = "cancelled"
UNSCORED = "unscored"  # done without a score
OPEN_STATES = ("draft", "planned", "in_progress")
Z_975 = 1.959963984540054
T_975 = {
    3: 3.1824, 4: 2.7764, 5: 2.5706, 6: 2.4469, 7: 2.3646, 8: 2.3060, 9: 2.2622,
    10: 2.2281, 11: 2.2010, 12: 2.1788, 13: 2.1604, 14: 2.1448, 15: 2.1314,
    16: 2.1199, 17: 2.1098, 18: 2.1009, 19: 2.0930, 20: 2.0860, 21: 2.0796,
    22: 2.0739, 23: 2.0687, 24: 2.0639, 25: 2.0595, 26: 2.0555, 27: 2.0518,
    28: 2.0484, 29: 2.0452, 30: 2.0423,
}  # fmt: skip


def classify(state, score):
    """Where a callback of ``state`` with ``score`` counts."""
    if state == "done":
        return SCORED if score and 1 <= score <= 5 else UNSCORED
    if state == "unreachable":
        return UNREACHABLE
    if state == "declined":
        return DECLINED
    if state == "cancelled":
        return CANCELLED
    return OPEN


def t_quantile_975(df):
    """Two-sided 95 % Student t critical value for ``df`` degrees of freedom."""
    if df < 1:
        raise ValueError("at least one degree of freedom is needed")
    if df == 1:
        return math.tan(math.pi * 0.475)
    if df == 2:
        p = 0.975
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    if df in T_975:
        return T_975[df]
    z, v = Z_975, float(df)
    return (
        z
        + (z**3 + z) / (4 * v)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4)
    )


@dataclass
class Summary:
    distribution: dict = field(default_factory=lambda: dict.fromkeys(SCALE, 0))
    unreachable: int = 0
    declined: int = 0
    open: int = 0
    cancelled: int = 0
    unscored: int = 0

    @property
    def scored(self):
        return sum(self.distribution.values())

    @property
    def total(self):
        return (
            self.scored
            + self.unreachable
            + self.declined
            + self.open
            + self.cancelled
            + self.unscored
        )

    @property
    def excluded(self):
        """Closed without counting in the score (unreachable, declined)."""
        return self.unreachable + self.declined

    @property
    def score_sum(self):
        return sum(score * count for score, count in self.distribution.items())

    @property
    def average(self):
        return self.score_sum / self.scored if self.scored else 0.0

    def confidence_interval(self):
        """(low, high) of the 95 % t interval on the mean, or None (n < 2)."""
        n = self.scored
        if n < 2:
            return None
        mean = self.average
        squares = sum(count * (score - mean) ** 2 for score, count in self.distribution.items())
        std = math.sqrt(squares / (n - 1))
        margin = t_quantile_975(n - 1) * std / math.sqrt(n)
        return (max(SCALE[0], mean - margin), min(SCALE[-1], mean + margin))

    def target_met(self, target):
        return bool(self.scored) and self.average >= target

    def add(self, state, score, count=1):
        kind = classify(state, score)
        if kind == SCORED:
            self.distribution[int(score)] += count
        else:
            setattr(self, kind, getattr(self, kind) + count)
        return self

    def merge(self, other):
        for score in SCALE:
            self.distribution[score] += other.distribution[score]
        for name in (UNREACHABLE, DECLINED, OPEN, CANCELLED, UNSCORED):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def summarize(rows):
    """A :class:`Summary` from ``(state, score, count)`` rows (a read-group)."""
    summary = Summary()
    for state, score, count in rows:
        summary.add(state, score, count)
    return summary


def summarize_by(rows):
    """{key: Summary} from ``(key, state, score, count)`` rows."""
    result = {}
    for key, state, score, count in rows:
        result.setdefault(key, Summary()).add(state, score, count)
    return result
