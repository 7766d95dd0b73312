# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The simulated company's time (tests/simulation): the hour's agents work
side by side, not one after the other, and China's official holidays have an
agent on duty; without either, the simulation's clock and staffing, not the
suite, broke promises of the 13-month run (complaint #727, customer #545)."""

from datetime import datetime
from types import SimpleNamespace

from simulation import agents
from simulation.run import Simulation


class Clocked:
    def __init__(self):
        self.moves = []

    def advance(self, minutes):
        self.moves.append(minutes)


def shift(*minutes):
    yield from minutes


def test_agents_work_side_by_side():
    sim = Clocked()
    Simulation.work_side_by_side(sim, [shift(3, 2), shift(4), shift(1, 1, 1)])
    # each round moves the clock by its longest step: 4 + 2 + 1 minutes,
    # where one agent after the other took 13
    assert sim.moves == [4, 2, 1]
    sim = Clocked()
    Simulation.work_side_by_side(sim, [shift(), shift()])
    assert sim.moves == []


CHINA = SimpleNamespace(id=1, country_id=SimpleNamespace(code="CN"))
TEAM = [SimpleNamespace(id=id_, tz="Asia/Shanghai") for id_ in (501, 502, 503)]


def at(local_hour, day):
    """``day`` at ``local_hour`` in Shanghai, as naive UTC."""
    return datetime(day.year, day.month, day.day, local_hour - 8 if local_hour >= 8 else 0)


def test_one_agent_on_duty_on_an_official_holiday():
    # Wednesday 29 January 2025: the Spring Festival's second day
    festival = datetime(2025, 1, 29)
    working = [u for u in TEAM if agents.working_now(u, CHINA, at(11, festival), TEAM)]
    assert len(working) == 1
    # the next day, another agent; before 10:00 and from 16:00, nobody
    next_day = datetime(2025, 1, 30)
    assert [u for u in TEAM if agents.working_now(u, CHINA, at(11, next_day), TEAM)] != working
    assert not [u for u in TEAM if agents.working_now(u, CHINA, at(9, festival), TEAM)]
    assert not [u for u in TEAM if agents.working_now(u, CHINA, at(16, festival), TEAM)]
    # an ordinary Saturday is no holiday duty; a working day, everybody
    saturday = datetime(2025, 3, 8)
    assert not [u for u in TEAM if agents.working_now(u, CHINA, at(11, saturday), TEAM)]
    monday = datetime(2025, 3, 10)
    assert all(agents.working_now(u, CHINA, at(9, monday), TEAM) for u in TEAM)
    # Sunday 26 January 2025 is a make-up working day
    assert all(agents.working_now(u, CHINA, at(9, datetime(2025, 1, 26)), TEAM) for u in TEAM)
