# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Call scripts (话术): placeholders and forbidden phrases. Pure functions.

A script is text (HTML from the editor) with placeholders in braces:
``{address}``, ``{surname}``, ``{title}``, ``{name}``, ``{order_date}``,
``{product}``, ``{last_feedback}``, ``{agent}``, ``{company}``. Unknown
placeholders are left as written so a typo is visible, never silently
dropped. Values are HTML-escaped: a customer name cannot inject markup into
the agent's screen.

A script is read in the customer's language, so the values are written the
way that language writes them: the form of address (张先生, Herr Schneider,
Mme Martin), the day (11月26日, Nov 26, 26. Nov.) and lists (A、B和C,
A, B, and C).
"""

import re
from html import escape

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from babel.lists import format_list

PLACEHOLDERS = (
    "address",
    "surname",
    "title",
    "name",
    "order_date",
    "product",
    "last_feedback",
    "agent",
    "company",
)
_PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
# Two-character Chinese surnames (复姓) that must not be cut after one character.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 "
    "轩辕 端木 独孤 南宫 西门 百里 呼延 澹台 公冶 太史 申屠 闻人 万俟 赫连 "
    "钟离 宗政 濮阳 淳于 单于 公羊 拓跋 司空".split()
)


def surname(name):
    """Family name for addressing a customer.

    Chinese names (CJK, no space) start with the surname: 张三 -> 张,
    欧阳娜娜 -> 欧阳. Other names end with it: "Ada Lovelace" -> "Lovelace".
    """
    name = (name or "").strip()
    if not name:
        return ""
    if _CJK_RE.match(name) and " " not in name:
        if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
            return name[:2]
        return name[0]
    return name.split()[-1]


def form_of_address(name, title):
    """How the agent addresses the customer: the family name with the title,
    in the order of the title's language. A Chinese or Japanese title follows
    the family name without a space (张先生, 欧阳女士, 田中様); other titles
    precede it (Herr Schneider, Mme Martin, Ms Johnson). Without a title or a
    family name, the full name."""
    name = (name or "").strip()
    title = (title or "").strip()
    family = surname(name)
    if not title or not family:
        return name
    if _CJK_RE.search(title):
        return f"{family}{title}"
    return f"{title} {family}"


def locale_of(lang):
    """The babel locale of an Odoo language code (``zh_CN``, ``sr@latin``);
    English when babel does not know it."""
    code = (lang or "en_US").split("@")[0]
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en_US")


def format_day(day, lang, today=None):
    """``day`` as a sentence in ``lang`` writes it: 11月26日 (zh_CN), Nov 26
    (en_US), 26. Nov. (de_DE), 26 nov. (fr_FR). The year is added when it is
    not the year of ``today`` (2025年11月26日, Nov 26, 2025)."""
    if not day:
        return ""
    skeleton = "MMMd" if today and day.year == today.year else "yMMMd"
    return format_skeleton(skeleton, day, locale=locale_of(lang))


def format_items(items, lang):
    """A list as ``lang`` writes it in a sentence: 净水器、滤芯和安装服务;
    purifier, filter, and installation."""
    items = [str(item) for item in items if item]
    if not items:
        return ""
    return format_list(items, locale=locale_of(lang))


def render(template, values):
    """Replace known placeholders with escaped values."""

    def substitute(match):
        key = match.group(1)
        if key not in values:
            return match.group(0)
        value = values[key]
        return escape("" if value in (None, False) else str(value))

    return _PLACEHOLDER_RE.sub(substitute, template or "")


def unknown_placeholders(template):
    return sorted({key for key in _PLACEHOLDER_RE.findall(template or "")} - set(PLACEHOLDERS))


def forbidden_phrases_in(text, phrases):
    """The configured forbidden phrases (blame, criticism, sarcasm…) that
    occur in ``text``, case-insensitively, in configuration order."""
    lowered = (text or "").casefold()
    return [p for p in phrases if p and p.casefold() in lowered]


def split_phrases(raw):
    """Settings store phrases one per line (commas and 、 also separate)."""
    parts = re.split(r"[\n,，、;；]+", raw or "")
    return [p.strip() for p in parts if p.strip()]


def join_sentences(sentences):
    """Sentences one after the other: a space after a Latin full stop, none
    after a Chinese or Japanese one (。！？)."""
    text = ""
    for sentence in sentences:
        if not sentence:
            continue
        if text and not text.endswith(("。", "！", "？")):
            text += " "
        text += sentence
    return text
