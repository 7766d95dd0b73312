# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Round-robin assignment within a team. Pure function, no ORM."""

import heapq


def round_robin(member_ids, open_loads, count):
    """Give ``count`` new callbacks to the least-loaded members.

    ``member_ids``: the team's agents, in a stable order (ties go to the
    earlier member); ``open_loads``: user id -> open callbacks already
    assigned. Returns a list of ``count`` user ids (empty ids when the team
    has no members: the callbacks stay in the team's queue).
    """
    members = list(dict.fromkeys(member_ids))
    if not members:
        return [False] * count
    heap = [(open_loads.get(uid, 0), rank, uid) for rank, uid in enumerate(members)]
    heapq.heapify(heap)
    result = []
    for _i in range(count):
        load, rank, uid = heapq.heappop(heap)
        result.append(uid)
        heapq.heappush(heap, (load + 1, rank, uid))
    return result


def spread(checked_ids, agent_ids, open_loads=None):
    """One agent per call to make, balanced by load.

    ``checked_ids``: for each call, the agent whose work it checks (False:
    nobody); ``agent_ids``: the agents to spread over, in a stable order
    (ties go to the earlier agent); ``open_loads``: user id -> open
    callbacks they already have. Each call goes to the agent with the
    smallest load (open callbacks plus the calls given so far), never to the
    agent being checked when another agent is available. Returns a list of
    user ids (False for every call when there is no agent)."""
    agents = list(dict.fromkeys(agent_ids))
    if not agents:
        return [False] * len(checked_ids)
    loads = {uid: (open_loads or {}).get(uid, 0) for uid in agents}
    rank = {uid: index for index, uid in enumerate(agents)}
    result = []
    for checked in checked_ids:
        options = [uid for uid in agents if uid != checked] or agents
        uid = min(options, key=lambda u: (loads[u], rank[u]))
        loads[uid] += 1
        result.append(uid)
    return result


def slots_to_avoid(used_slots, available_slots):
    """The call-window slots to avoid for an agent's next call: the ones her
    previous calls of the same batch already use, so that her calls go
    round the windows (morning, afternoon, evening), until every available
    slot is used once more (then any slot is fine again). Slots the windows
    do not have are never avoided (they could never be used)."""
    available = list(dict.fromkeys(available_slots))
    if not available:
        return ()
    counts = {slot: 0 for slot in available}
    for slot in used_slots:
        if slot in counts:
            counts[slot] += 1
    least = min(counts.values())
    return tuple(slot for slot in available if counts[slot] > least)


# Where a callback (or a ticket) nobody was given goes (issue #29): the
# rule's team, else the company's default callback team, else the
# supervisor's queue, else nobody (flagged).
TEAM = "team"
DEFAULT_TEAM = "default_team"
SUPERVISOR = "supervisor"
NOBODY = "nobody"


def route(count, team, default_team, supervisor_id, open_loads):
    """Give ``count`` items that have nobody to the first place a person sees.

    ``team`` and ``default_team``: ``(team id, agent ids)`` or None (no
    team); ``supervisor_id``: the company's callback supervisor (or None);
    ``open_loads``: user id -> open items already assigned (not changed).
    The first team with agents takes the items, balanced by load
    (``round_robin``); else the supervisor takes them all; else nobody.

    Returns ``(target, team id, user ids)``: ``target`` is TEAM,
    DEFAULT_TEAM, SUPERVISOR or NOBODY; the team id is the team that takes
    them (the rule's team, else the default team, when nobody of a team
    does), False without any; ``count`` user ids (False for nobody)."""
    for target, candidate in ((TEAM, team), (DEFAULT_TEAM, default_team)):
        if candidate and candidate[1]:
            return target, candidate[0], round_robin(candidate[1], open_loads, count)
    team_id = (team or default_team or (False,))[0]
    if supervisor_id:
        return SUPERVISOR, team_id, [supervisor_id] * count
    return NOBODY, team_id, [False] * count


def routing_gap(has_team, team_has_agents, has_default, default_has_agents, has_supervisor):
    """Why callbacks routed this way reach no team, or None when they reach
    one: ``(problem, target)``. ``problem`` is ``"team_without_agents"``
    (the team has no active agent), ``"default_without_agents"`` (no team,
    and the default team has no active agent) or ``"no_team"`` (no team and
    no default team); ``target`` is where the callbacks go instead
    (DEFAULT_TEAM, SUPERVISOR or NOBODY)."""
    if has_team and team_has_agents:
        return None
    if has_team:
        problem = "team_without_agents"
    elif has_default:
        if default_has_agents:
            return None
        problem = "default_without_agents"
    else:
        problem = "no_team"
    if has_default and default_has_agents:
        target = DEFAULT_TEAM
    elif has_supervisor:
        target = SUPERVISOR
    else:
        target = NOBODY
    return problem, target
