# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The team leader's daily digest of overdue callbacks: which digest each
overdue callback goes to and in what order the agents are listed. Plain
Python."""

from collections import defaultdict


def group_by_digest(groups, responsible):
    """``{(leader, company): [group, ...]}``: each group of overdue
    callbacks (one per company and team) goes to the digest of its
    responsible leader in its company, ``responsible(group)``, in the order
    given; a leader of several teams gets one digest."""
    digests = defaultdict(list)
    for group in groups:
        digests[responsible(group)].append(group)
    return dict(digests)


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
