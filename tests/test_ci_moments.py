# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The moments CI tries besides the real one (.ci/moments.py, issue #27)."""

import importlib.util
import pathlib
from datetime import date, datetime

import pytest

SPEC = importlib.util.spec_from_file_location(
    "ci_moments", pathlib.Path(__file__).resolve().parent.parent / ".ci" / "moments.py"
)
moments = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(moments)


def parse(moment):
    return datetime.strptime(moment, "%Y-%m-%d %H:%M %z")


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (date(2026, 12, 7), "2027-01-01 00:30 +0800", "2026-12-31 23:30 +0800"),
        (date(2027, 1, 31), "2027-02-01 00:30 +0800", "2027-01-31 23:30 +0800"),
        (date(2028, 2, 1), "2028-03-01 00:30 +0800", "2028-02-29 23:30 +0800"),
        (date(2027, 2, 28), "2027-03-01 00:30 +0800", "2027-02-28 23:30 +0800"),
    ],
)
def test_first_and_last_of_the_month(today, first, last):
    found = {label: moment for label, moment, _why in moments.moments(today)}
    assert found["first"] == first
    assert found["last"] == last
    # the 1st at 00:30 in Shanghai is still the day before in UTC
    utc = parse(first).astimezone(moments.ZoneInfo("UTC"))
    assert utc.day != 1


def test_the_rotating_moment_goes_through_every_edge_in_a_year():
    seen = set()
    day = date(2027, 1, 1)
    while day.year == 2027:
        rotating = [m for label, m, _why in moments.moments(day) if label == "rotating"]
        assert len(rotating) == 1
        parse(rotating[0])
        seen.add(rotating[0])
        day = date.fromordinal(day.toordinal() + 1)
    assert len(seen) == len(moments.EDGES)
    # two consecutive days try two different moments
    one, two = (
        [m for label, m, _ in moments.moments(d) if label == "rotating"][0]
        for d in (date(2027, 5, 1), date(2027, 5, 2))
    )
    assert one != two


@pytest.mark.parametrize(
    ("today", "moment"),
    [
        (date(2026, 12, 7), "2026-12-31 23:30 +0000"),
        (date(2028, 2, 1), "2028-02-29 23:30 +0000"),
    ],
)
def test_utc_midnight_is_already_the_first_in_brussels_and_shanghai(today, moment):
    found = {label: m for label, m, _why in moments.moments(today)}
    assert found["utc_midnight"] == moment
    utc = parse(moment)
    for zone in ("Europe/Brussels", "Asia/Shanghai"):
        assert utc.astimezone(moments.ZoneInfo(zone)).day == 1
    assert utc.day != 1
