# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Decisions about the customer callback SMS (issue #33). Pure functions, no ORM.

- Message kinds and the values each kind's template may use.
- A template's parameters: ``name=value`` pairs, one per line or separated
  by commas; the name is the template's own variable (Aliyun ``${name}``;
  Tencent's variables are numbered: their order is the order of the lines),
  the value one of the kind's values.
- Replies that stop SMS contact ('TD', '退订', 'T', 'N': what Chinese
  carriers and both providers' unsubscribe texts ask customers to send).
- The per-customer daily quota (our own: a rolling 24 hours).
- A provider's own limit of messages to one number in a calendar day of its
  time zone (Tencent Cloud: 10 a day, Beijing time).
"""

import re
import unicodedata
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

AFTER_ATTEMPTS = "after_attempts"
SURVEY = "survey"
PERSONAL_LINK = "personal_link"
COMPLAINT_RESULT = "complaint_result"
KINDS = (AFTER_ATTEMPTS, SURVEY, PERSONAL_LINK, COMPLAINT_RESULT)

# the values a kind's template may use
KIND_VALUES = {
    AFTER_ATTEMPTS: ("name", "company", "link"),
    SURVEY: ("name", "company", "url"),
    PERSONAL_LINK: ("name", "company", "link"),
    COMPLAINT_RESULT: ("name", "company", "ticket", "result"),
}

STOP_WORDS = frozenset({"TD", "退订", "T", "N"})
# punctuation customers add around the word ("TD。", "「退订」")
_STRIP = " \t\r\n.,;:!?。，；：！？、'\"“”‘’「」【】()（）"

# a template variable: letters, digits, underscore (both providers' rule)
_VARIABLE = re.compile(r"^[A-Za-z0-9_]{1,32}$")
DAY = timedelta(hours=24)


class ParamError(ValueError):
    """A template's parameters are not usable: ``code`` says why
    (``format``, ``variable``, ``value``, ``duplicate``), ``item`` which."""

    def __init__(self, code, item):
        super().__init__(f"{code}: {item}")
        self.code = code
        self.item = item


def is_stop_reply(text):
    """Whether an inbound SMS withdraws SMS contact."""
    if not text:
        return False
    word = unicodedata.normalize("NFKC", text).strip(_STRIP).upper()
    return word in STOP_WORDS


def parse_params(text, kind):
    """[(variable, value name)] of a template's parameters, in order.
    Raises ParamError."""
    pairs = []
    seen = set()
    for raw in re.split(r"[,\n]", text or ""):
        item = raw.strip()
        if not item:
            continue
        if "=" not in item:
            raise ParamError("format", item)
        variable, value = (part.strip() for part in item.split("=", 1))
        if not _VARIABLE.match(variable):
            raise ParamError("variable", variable)
        if value not in KIND_VALUES[kind]:
            raise ParamError("value", value)
        if variable in seen:
            raise ParamError("duplicate", variable)
        seen.add(variable)
        pairs.append((variable, value))
    return pairs


def template_values(pairs, values):
    """{variable: text} for a message, from the parsed parameters and the
    message's values (a missing value is an empty text)."""
    return {variable: str(values.get(value) or "") for variable, value in pairs}


def over_quota(sent_moments, now, quota):
    """Whether one more message to a customer would pass ``quota`` messages
    within the last 24 hours (0: no quota of ours)."""
    if not quota:
        return False
    return sum(1 for moment in sent_moments if now - moment < DAY) >= quota


def provider_day(moment, zone):
    """The calendar day of ``moment`` (naive UTC) in the time zone ``zone``
    (a name, e.g. Asia/Shanghai)."""
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).date()


def over_day_limit(sent_moments, now, limit, zone):
    """Whether one more message to a number at ``now`` would pass a
    provider's ``limit`` of messages to one number in a calendar day of
    ``zone`` (moments naive UTC; 0: no limit)."""
    if not limit:
        return False
    today = provider_day(now, zone)
    return sum(1 for moment in sent_moments if provider_day(moment, zone) == today) >= limit


def number_key(number):
    """The part of a phone number two systems agree on: the last 11 digits
    (a Chinese mobile number without +86/0086)."""
    digits = re.sub(r"\D", "", number or "")
    return digits[-11:]


def preview(kind_label, values, pairs):
    """The text kept in Odoo for a templated message (the provider renders
    the real text from the approved template)."""
    shown = ", ".join(f"{variable}={values.get(value) or ''}" for variable, value in pairs)
    return f"[{kind_label}] {shown}" if shown else f"[{kind_label}]"
