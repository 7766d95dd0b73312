# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a customer allows now, from his consent ledger (issue #20).

Pure functions, no ORM. A ledger line says, at a moment, that consent for
a purpose (contact, survey, recording) was given or withdrawn, for one
channel or for every channel; a ``preference`` line states the customer's
whole contact preference (preferred channel and time of day) at once.

Lines are read in order (moment, then sequence, i.e. the record id): the
later line wins. A line for every channel (no channel) replaces what the
earlier lines said for single channels of the same purpose; a line for
one channel overrides the general decision for that channel only.

Contact and surveys are allowed until withdrawn (the customer's consent
to be served after a purchase); recording is allowed only once given.
A survey needs both: no survey by a channel the customer may not be
contacted by.
"""

from dataclasses import dataclass, field
from datetime import datetime

CONTACT = "contact"
SURVEY = "survey"
RECORDING = "recording"
PREFERENCE = "preference"
PURPOSES = (CONTACT, SURVEY, RECORDING, PREFERENCE)
GIVEN = "given"
WITHDRAWN = "withdrawn"
# The general decision of a purpose: a line without channel.
ALL = None


@dataclass(frozen=True)
class Line:
    """One ledger line. ``preferred_time`` (hours, 9.5 = 09:30) and
    ``channel`` of a ``preference`` line are the preferred ones (None:
    no preference)."""

    moment: datetime
    sequence: int
    purpose: str
    decision: str = GIVEN
    channel: str | None = None
    preferred_time: float | None = None
    preferred_days: tuple = ()


@dataclass
class Consent:
    """The customer's say at one moment."""

    decisions: dict = field(default_factory=dict)
    preferred_channel: str | None = None
    preferred_time: float | None = None
    # weekdays (0 = Monday) the customer prefers to be called on; () = any day
    preferred_days: tuple = ()

    def _allowed(self, purpose, channel, default):
        by_channel = self.decisions.get(purpose, {})
        if channel is not None and channel in by_channel:
            return by_channel[channel] == GIVEN
        general = by_channel.get(ALL)
        if general is None:
            return default
        return general == GIVEN

    def may_contact(self, channel=None):
        """Whether the customer may be contacted by ``channel`` (None:
        whether some channel is still allowed, i.e. no general withdrawal
        without a channel given again)."""
        if channel is None:
            return self._allowed(CONTACT, None, True) or any(
                decision == GIVEN
                for key, decision in self.decisions.get(CONTACT, {}).items()
                if key is not ALL
            )
        return self._allowed(CONTACT, channel, True)

    def may_survey(self, channel=None):
        """Whether a satisfaction survey may be sent by ``channel``."""
        if channel is None:
            return self.may_contact() and self._allowed(SURVEY, None, True)
        return self.may_contact(channel) and self._allowed(SURVEY, channel, True)

    def may_record(self):
        """Whether calls may be recorded (only after consent given)."""
        return self._allowed(RECORDING, None, False)

    @property
    def do_not_call(self):
        """The customer asked not to be contacted at all."""
        return not self.may_contact()

    def survey_refusal(self, channel=None):
        """Why no survey may be sent by ``channel``: ``contact`` (contact
        withdrawn), ``survey`` (surveys withdrawn) or None (allowed)."""
        if not self.may_contact(channel):
            return CONTACT
        if not self.may_survey(channel):
            return SURVEY
        return None


def decide(lines):
    """The ``Consent`` the ledger ``lines`` (any order) amount to."""
    consent = Consent()
    for line in sorted(lines, key=lambda line: (line.moment, line.sequence)):
        if line.purpose == PREFERENCE:
            consent.preferred_channel = line.channel or None
            consent.preferred_time = line.preferred_time or None
            consent.preferred_days = tuple(sorted(set(line.preferred_days or ())))
            continue
        if line.purpose not in PURPOSES or line.decision not in (GIVEN, WITHDRAWN):
            raise ValueError(f"unknown consent line {line.purpose!r}/{line.decision!r}")
        by_channel = consent.decisions.setdefault(line.purpose, {})
        if line.channel is ALL or line.channel is False:
            by_channel.clear()
            by_channel[ALL] = line.decision
        else:
            by_channel[line.channel] = line.decision
    return consent


def changes(current, do_not_call, preferred_channel, preferred_time):
    """The lines (purpose, decision, channel, preferred time) to append so
    that the ledger says what an agent typed on the customer: do not call,
    preferred channel and time. ``current`` is the ``Consent`` before."""
    result = []
    if do_not_call and current.may_contact():
        result.append((CONTACT, WITHDRAWN, ALL, None))
    elif not do_not_call and current.do_not_call:
        result.append((CONTACT, GIVEN, ALL, None))
    preferred_channel = preferred_channel or None
    preferred_time = preferred_time or None
    if (preferred_channel, preferred_time) != (current.preferred_channel, current.preferred_time):
        result.append((PREFERENCE, GIVEN, preferred_channel, preferred_time))
    return result


def format_days(days):
    """Weekdays (0 = Monday) as stored on a ledger line: "1,3"."""
    return ",".join(str(day) for day in sorted(set(days)))


def parse_days(text):
    """The weekdays of a ledger line's text ("1,3"); unknown parts ignored."""
    days = set()
    for part in (text or "").split(","):
        part = part.strip()
        if part.isdigit() and 0 <= int(part) <= 6:
            days.add(int(part))
    return tuple(sorted(days))
