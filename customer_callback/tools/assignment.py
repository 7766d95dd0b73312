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
