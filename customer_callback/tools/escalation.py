# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The team leader's daily digest of overdue callbacks: which digest each
group of overdue callbacks goes to, what the digest counts and in what order
the agents are listed. Plain Python."""

from collections import Counter
from dataclasses import dataclass, field


def agent_rows(counts):
    """The digest's lines from ``{agent name or None: count}``: the agents
    with the most overdue callbacks first, then by name; the callbacks of
    nobody (``None``, the team queue) last. Zero counts are left out."""
    named = sorted(
        ((name, count) for name, count in counts.items() if name is not None and count),
        key=lambda row: (-row[1], row[0]),
    )
    if counts.get(None):
        named.append((None, counts[None]))
    return named


@dataclass
class DigestFigures:
    """What one digest says: the overdue callbacks, those new since the
    leader's previous digest, the count per agent (``None``: the team
    queue), the teams it covers and whether it covers callbacks without a
    team."""

    total: int = 0
    new: int = 0
    agents: Counter = field(default_factory=Counter)
    teams: set = field(default_factory=set)
    without_team: bool = False


def digest_figures(groups, since):
    """``{digest key: DigestFigures}`` from ``groups``, an iterable of
    ``(key, team, agent, deadline, count)``: ``count`` overdue callbacks of
    ``agent`` in ``team`` (``None``: no team) whose deadline is ``deadline``,
    in the digest ``key``. ``since`` maps a key to the date of the leader's
    previous digest: it counted the callbacks due before that day, so those
    due on or after it are new; a key missing from ``since`` (no previous
    digest) has only new callbacks."""
    figures = {}
    for key, team, agent, deadline, count in groups:
        figure = figures.setdefault(key, DigestFigures())
        figure.total += count
        previous = since.get(key)
        if previous is None or deadline >= previous:
            figure.new += count
        figure.agents[agent] += count
        if team is None:
            figure.without_team = True
        else:
            figure.teams.add(team)
    return figures
