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
