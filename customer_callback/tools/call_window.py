# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Call windows: when a customer may be called (SPEC §2, 002 §9.4).

Pure functions, no ORM. Hours are floats in the customer's local time
(9.5 = 09:30). Datetimes handed in are naive UTC (as Odoo stores them) or
aware; datetimes handed back are naive UTC.

A day is either a ``workday`` or a ``holiday``; each kind has its own list
of windows. Which days are holidays is decided by the caller (Odoo's
resource calendar: weekends and public holidays).

Slots: the attempt policy needs "distinct time slots". A slot is the period
of the local day a moment falls in: ``morning`` (before the afternoon
boundary), ``afternoon`` (before the evening boundary) and ``evening``.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WORKDAY = "workday"
HOLIDAY = "holiday"
SLOTS = ("morning", "afternoon", "evening")
DEFAULT_SLOT_BOUNDS = (12.0, 18.0)
# How far ahead placement searches before giving up (a year of holidays
# without windows is a configuration error, reported by the caller).
HORIZON_DAYS = 366


class WindowError(ValueError):
    """A window list that cannot be used. ``code`` says why."""

    def __init__(self, code, window=None, other=None):
        super().__init__(code, window, other)
        self.code = code
        self.window = window
        self.other = other


def validate_windows(windows: Iterable[tuple[float, float]]):
    """Return the windows sorted; raise WindowError when one is unusable.

    Codes: ``range`` (hour outside 0–24), ``inverted`` (end not after start),
    ``overlap`` (two windows share time).
    """
    result = sorted((float(start), float(end)) for start, end in windows)
    for start, end in result:
        if not (0.0 <= start <= 24.0 and 0.0 <= end <= 24.0):
            raise WindowError("range", (start, end))
        if end <= start:
            raise WindowError("inverted", (start, end))
    for previous, current in zip(result, result[1:], strict=False):
        if current[0] < previous[1]:
            raise WindowError("overlap", previous, current)
    return result


def get_zone(tz_name: str | None) -> ZoneInfo:
    """The zone for a tz name; UTC when empty or unknown."""
    try:
        return ZoneInfo(tz_name) if tz_name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return moment.astimezone(zone)


def to_utc_naive(moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def hour_to_time(hour: float) -> time:
    """9.5 -> 09:30; 24.0 -> 23:59:59 (end of day)."""
    if hour >= 24.0:
        return time(23, 59, 59)
    minutes = round(hour * 60)
    return time(minutes // 60, minutes % 60)


def local_hour(moment: datetime) -> float:
    return moment.hour + moment.minute / 60.0 + moment.second / 3600.0


def at_hour(day: date, hour: float, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, hour_to_time(hour), tzinfo=zone)


def day_kind(day: date, is_holiday: Callable[[date], bool]) -> str:
    return HOLIDAY if is_holiday(day) else WORKDAY


def slot_of(hour: float, bounds=DEFAULT_SLOT_BOUNDS) -> str:
    afternoon, evening = bounds
    if hour < afternoon:
        return "morning"
    if hour < evening:
        return "afternoon"
    return "evening"


def is_in_window(moment, tz_name, windows_by_kind, is_holiday) -> bool:
    """True when ``moment`` falls inside a window of its local day."""
    local = to_local(moment, get_zone(tz_name))
    hour = local_hour(local)
    windows = windows_by_kind.get(day_kind(local.date(), is_holiday), ())
    return any(start <= hour < end for start, end in windows)


def _segments(windows, bounds):
    """Split windows at the slot boundaries: (start, end, slot) tuples."""
    cuts = sorted(bounds)
    for start, end in windows:
        points = [start] + [c for c in cuts if start < c < end] + [end]
        for seg_start, seg_end in zip(points, points[1:], strict=False):
            yield seg_start, seg_end, slot_of(seg_start, bounds)


def window_slots(windows_by_kind, bounds=DEFAULT_SLOT_BOUNDS):
    """The slots (morning, afternoon, evening) the windows of any day kind
    cover, in ``SLOTS`` order."""
    found = {
        slot for windows in windows_by_kind.values() for _s, _e, slot in _segments(windows, bounds)
    }
    return tuple(slot for slot in SLOTS if slot in found)


def place(
    earliest,
    tz_name,
    windows_by_kind,
    is_holiday,
    preferred_hour=None,
    avoid_slots=(),
    bounds=DEFAULT_SLOT_BOUNDS,
    preferred_days=(),
):
    """First moment at or after ``earliest`` inside a call window.

    - ``preferred_hour`` (the customer's preferred time) wins on a day where
      it lies inside a window and is not already past.
    - ``avoid_slots``: slots (morning/afternoon/evening) to skip, used to plan
      the next attempt in a slot not tried yet. When every slot is to be
      avoided, any slot is accepted.
    - ``preferred_days`` (weekdays, 0 = Monday, the customer's choice): only
      those days, unless none of them has a window within ``HORIZON_DAYS``.
    Returns a naive UTC datetime, or None when no window exists within
    ``HORIZON_DAYS`` (no windows configured).
    """
    day_filters = [lambda day: True]
    if preferred_days:
        days = set(preferred_days)
        # the customer's days first, any day when none of them has a window
        day_filters.insert(0, lambda day: day.weekday() in days)
    for day_filter in day_filters:
        placed = _place(
            earliest,
            tz_name,
            windows_by_kind,
            is_holiday,
            preferred_hour,
            avoid_slots,
            bounds,
            day_filter,
        )
        if placed:
            return placed
    return None


def place_by_deadline(
    earliest,
    tz_name,
    windows_by_kind,
    is_holiday,
    deadline=None,
    preferred_hour=None,
    bounds=DEFAULT_SLOT_BOUNDS,
    preferred_days=(),
):
    """``place`` for a callback with a ``deadline`` (a date, the customer's
    local day): the customer's preferred days and time are honoured inside
    the deadline; when none of them fits before it, the earliest window
    inside the deadline is taken instead (issue #30: the SOP's deadline
    wins over a standing preference; a call the customer asked for at a
    moment is another matter, never placed here).

    Returns ``(moment, preference_kept)``: the naive UTC moment (None when
    no window exists) and False when a preference was set aside for the
    deadline. When no window at all is left inside the deadline, the
    earliest one after it is taken (the preference set aside as well: the
    call is late, it is not made later still)."""
    placed = place(
        earliest,
        tz_name,
        windows_by_kind,
        is_holiday,
        preferred_hour=preferred_hour,
        bounds=bounds,
        preferred_days=preferred_days,
    )
    if placed is None or deadline is None or (preferred_hour is None and not preferred_days):
        return placed, True
    if to_local(placed, get_zone(tz_name)).date() <= deadline:
        return placed, True
    soonest = place(earliest, tz_name, windows_by_kind, is_holiday, bounds=bounds)
    if soonest is None or soonest == placed:
        return placed, True
    return soonest, False


def _place(
    earliest, tz_name, windows_by_kind, is_holiday, preferred_hour, avoid_slots, bounds, day_allowed
):
    zone = get_zone(tz_name)
    start_local = to_local(earliest, zone)
    avoid = set(avoid_slots)
    if avoid >= set(SLOTS):
        avoid = set()
    for offset in range(HORIZON_DAYS):
        day = start_local.date() + timedelta(days=offset)
        if not day_allowed(day):
            continue
        windows = windows_by_kind.get(day_kind(day, is_holiday), ())
        if preferred_hour is not None:
            slot = slot_of(preferred_hour, bounds)
            if slot not in avoid and any(start <= preferred_hour < end for start, end in windows):
                candidate = at_hour(day, preferred_hour, zone)
                if candidate >= start_local:
                    return to_utc_naive(candidate)
        for seg_start, seg_end, slot in _segments(windows, bounds):
            if slot in avoid:
                continue
            seg_begin = at_hour(day, seg_start, zone)
            seg_stop = at_hour(day, seg_end, zone)
            if seg_stop <= start_local:
                continue
            candidate = max(seg_begin, start_local)
            # Round up to the next whole minute: nobody plans at :37.512.
            if candidate.second or candidate.microsecond:
                candidate = candidate.replace(second=0, microsecond=0) + timedelta(minutes=1)
            if candidate < seg_stop:
                return to_utc_naive(candidate)
    return None


def slot_at(moment, tz_name, bounds=DEFAULT_SLOT_BOUNDS) -> str:
    return slot_of(local_hour(to_local(moment, get_zone(tz_name))), bounds)


def next_opening(moment, tz_name, windows_by_kind, is_holiday):
    """When a call window is next open for a customer of ``tz_name``.

    ``moment`` itself (as naive UTC) when a window is open at ``moment``;
    else the naive UTC moment the next window opens; None when no window
    exists within ``HORIZON_DAYS``. Unlike ``place``, no rounding and no
    slot preference: this tells whom an agent may call now."""
    if is_in_window(moment, tz_name, windows_by_kind, is_holiday):
        return to_utc_naive(to_local(moment, get_zone(tz_name)))
    return place(moment, tz_name, windows_by_kind, is_holiday, bounds=(24.0, 24.0))


def open_zones(moment, tz_names, windows_by_kind, is_holiday):
    """The timezones of ``tz_names`` in which a call window is open at ``moment``."""
    return {tz for tz in tz_names if is_in_window(moment, tz, windows_by_kind, is_holiday)}


def local_day_bounds(day: date, tz_name) -> tuple[datetime, datetime]:
    """The local day ``day`` of ``tz_name`` as naive UTC [start, end)."""
    zone = get_zone(tz_name)
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return to_utc_naive(start), to_utc_naive(end)


def format_local(moment: datetime, tz_name) -> str:
    """``moment`` (naive UTC or aware) as 'YYYY-MM-DD HH:MM (zone)' in
    ``tz_name``: a time written into a text says whose time it is."""
    zone = get_zone(tz_name)
    return f"{to_local(moment, zone):%Y-%m-%d %H:%M} ({zone.key})"


def slot_start(windows_by_kind, slot, bounds=DEFAULT_SLOT_BOUNDS):
    """The first hour of ``slot`` (morning/afternoon/evening) inside the
    windows of a working day (else any day kind), or None when the windows
    leave no time in that slot: the preferred time of a customer who
    chooses "evenings"."""
    for kind in (WORKDAY, HOLIDAY):
        starts = [
            start for start, _e, s in _segments(windows_by_kind.get(kind, ()), bounds) if s == slot
        ]
        if starts:
            return min(starts)
    return None
