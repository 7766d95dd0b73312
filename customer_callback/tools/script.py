# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Call scripts (话术): placeholders and forbidden phrases. Pure functions.

A script is text (HTML from the editor) with placeholders in braces:
``{surname}``, ``{title}``, ``{name}``, ``{order_date}``, ``{product}``,
``{last_feedback}``, ``{agent}``, ``{company}``. Unknown placeholders are
left as written so a typo is visible, never silently dropped. Values are
HTML-escaped: a customer name cannot inject markup into the agent's screen.
"""

import re
from html import escape

PLACEHOLDERS = (
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
