# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The simulation's checkpoint (tests/simulation/world.py freeze/thaw/rebind):
the world's own state survives a pickle, its records come back as records of
the new environment, and the seeded generator goes on with the same draws."""

import pickle
import random
from datetime import datetime

from simulation import world as world_mod


class Record:
    def __init__(self, model, record_id):
        self.model, self.id = model, record_id


class Env(dict):
    def __missing__(self, model):
        return type("Model", (), {"browse": staticmethod(lambda i: Record(model, i))})


def test_world_roundtrip():
    rng = random.Random(30)
    world = world_mod.World(rng=rng)
    world.companies = [Record("res.company", 1), Record("res.company", 2)]
    world.teams = {1: Record("helpdesk.ticket.team", 7)}
    world.leaders = {1: Record("res.users", 8)}
    world.agents = {1: [Record("res.users", 9), Record("res.users", 10)]}
    world.partners = {1: [11, 12]}
    world.plan(datetime(2025, 1, 2, 3, 0), "order", (1, 11))
    world.withdrawn[12] = 1
    world.count("order")
    rng.random()
    saved = pickle.dumps({"world": world.freeze(), "rng": rng.getstate()})
    expected = [rng.random() for _i in range(3)]

    state = pickle.loads(saved)
    other = world_mod.World(rng=random.Random(0))
    other.rng.setstate(state["rng"])
    other.thaw(state["world"])
    other.rebind(Env())
    assert [other.rng.random() for _i in range(3)] == expected
    assert other.agenda == world.agenda and other.seq == world.seq == 1
    assert other.withdrawn == {12: 1} and other.counts == {"order": 1}
    assert other.partners == {1: [11, 12]}
    assert [(c.model, c.id) for c in other.companies] == [("res.company", 1), ("res.company", 2)]
    assert other.teams[1].id == 7 and other.leaders[1].id == 8
    assert [u.id for u in other.agents[1]] == [9, 10]
    # the world's memory is its own after the thaw, not the saved one's
    other.plan(datetime(2025, 1, 3), "stop", (1, 12))
    assert len(world.agenda) == 1
