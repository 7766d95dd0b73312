# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Official calendars: public holidays, make-up workdays and lunar festivals.

Pure functions over maintained libraries, no ORM:

- China's public holidays **and** its make-up workdays (调休: a Saturday or
  Sunday declared a working day) from ``chinese-calendar``, which follows the
  State Council's yearly schedule and knows only the years published so far;
- other countries' public holidays from ``holidays`` (rules, any year);
- lunar festivals (Spring Festival, Dragon Boat, Mid-Autumn…) from
  ``lunardate``, for any year from 1900 to 2099.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import metadata

import chinese_calendar
import holidays
from lunardate import LunarDate

WEEKEND = (5, 6)
# Lunar month and day of the festivals a Chinese service team greets for.
LUNAR_FESTIVALS = {
    "spring_festival": (1, 1),
    "lantern": (1, 15),
    "dragon_boat": (5, 5),
    "qixi": (7, 7),
    "mid_autumn": (8, 15),
    "double_ninth": (9, 9),
    "laba": (12, 8),
}
LUNAR_YEARS = (1900, 2099)


class YearNotPublished(LookupError):
    """The library does not know the official schedule of ``year`` yet."""

    def __init__(self, country_code, year, known):
        super().__init__(country_code, year, known)
        self.country_code = country_code
        self.year = year
        self.known = known


class CountryUnknown(LookupError):
    """No library knows the public holidays of ``country_code``."""


@dataclass
class OfficialYear:
    """One country's official days of one year: holiday and make-up workday
    dates, each with its name."""

    year: int
    holidays: dict = field(default_factory=dict)
    workdays: dict = field(default_factory=dict)


@functools.cache
def library_version(country_code):
    """The name and version of the library that provides ``country_code`` (read
    once per process: reading it scans the installed distributions)."""
    name = "chinese-calendar" if country_code == "CN" else "holidays"
    return f"{name} {metadata.version(name)}"


def known_years(country_code):
    """(first, last) years the library knows for ``country_code``; None for
    rule-based calendars (any year)."""
    if country_code == "CN":
        days = chinese_calendar.constants.holidays
        return min(days).year, max(days).year
    return None


def official_year(country_code, year, language=None):
    """The public holidays and make-up workdays of ``country_code`` in
    ``year``. Raises YearNotPublished for a year the library does not know
    (China publishes the next year's schedule in the autumn), CountryUnknown
    for a country no library covers."""
    result = OfficialYear(year)
    if country_code == "CN":
        known = known_years("CN")
        if not known[0] <= year <= known[1]:
            raise YearNotPublished(country_code, year, known)
        day = date(year, 1, 1)
        while day.year == year:
            is_holiday, name = chinese_calendar.get_holiday_detail(day)
            if is_holiday and name:
                result.holidays[day] = name
            elif not is_holiday and day.weekday() in WEEKEND:
                result.workdays[day] = name or ""
            day += timedelta(days=1)
        return result
    try:
        calendar = holidays.country_holidays(country_code, years=year)
    except NotImplementedError as error:
        raise CountryUnknown(country_code) from error
    if language and language in (calendar.supported_languages or ()):
        calendar = holidays.country_holidays(country_code, years=year, language=language)
    result.holidays = {day: name for day, name in calendar.items() if day.year == year}
    return result


def runs(days):
    """Consecutive days with the same name merged: [(first, last, name)]."""
    result = []
    for day in sorted(days):
        name = days[day]
        if result and result[-1][2] == name and result[-1][1] + timedelta(days=1) == day:
            result[-1] = (result[-1][0], day, name)
        else:
            result.append((day, day, name))
    return result


@functools.lru_cache(maxsize=512)
def _year_days(country_code, year):
    """(public holidays, make-up workdays) of ``country_code`` in ``year``,
    computed once per process: building a year from the libraries costs
    milliseconds, and every *Callable now* search asks for it again. A year
    the library does not know, or an unknown country, has none."""
    try:
        official = official_year(country_code, year)
    except (YearNotPublished, CountryUnknown):
        return frozenset(), frozenset()
    return frozenset(official.holidays), frozenset(official.workdays)


def holiday_checker(country_code, weekend=WEEKEND) -> Callable[[date], bool]:
    """A function date -> bool for a customer's country: a public holiday,
    or a weekend day that is not a make-up workday. A year the library does
    not know falls back to weekends only; an unknown country too."""

    def is_holiday(day):
        holidays_of_year, workdays = _year_days(country_code, day.year)
        if day in holidays_of_year:
            return True
        if day in workdays:
            return False
        return day.weekday() in weekend

    return is_holiday


def lunar_to_solar(year, month, day):
    """The solar date of lunar ``month``/``day`` in lunar ``year`` (a day
    the lunar month lacks, a 30th in a 29-day month, is its last day)."""
    for candidate in range(day, 27, -1) if day > 28 else (day,):
        try:
            return LunarDate(year, month, candidate).to_solar_date()
        except ValueError:
            continue
    raise ValueError(f"lunar {year}-{month}-{day}")


def occasion_date(kind, month, day, year):
    """The date of a yearly occasion in (solar) ``year``: ``lunar`` month and
    day or ``solar`` month and day. None when the year has no such day
    (29 February) or is outside the lunar tables."""
    if kind == "solar":
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if kind == "lunar":
        # A lunar date of lunar year Y falls in solar year Y or Y+1 (the
        # twelfth month can reach February): try both lunar years.
        for lunar_year in (year, year - 1):
            if not LUNAR_YEARS[0] <= lunar_year <= LUNAR_YEARS[1]:
                continue
            solar = lunar_to_solar(lunar_year, month, day)
            if solar.year == year:
                return solar
        return None
    raise ValueError(kind)


def occasion_dates(kind, month, day, first_year, last_year):
    """The occasion's dates in the solar years ``first_year``..``last_year``."""
    result = []
    for year in range(first_year, last_year + 1):
        found = occasion_date(kind, month, day, year)
        if found:
            result.append(found)
    return result
