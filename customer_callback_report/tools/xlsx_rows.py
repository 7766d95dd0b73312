# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rows of the XLSX reports and cell escaping. Pure functions, no ORM.

Formula injection: a text cell whose first character is ``=``, ``+``, ``-``,
``@`` (or a tab / carriage return, which some spreadsheet programs skip
before reading a formula) would be evaluated as a formula by a spreadsheet
program. Every text is written with ``write_string`` (never ``write``, which
turns such text into a formula), so the file holds it as a string cell; on
XlsxWriter 3.0.6+ escaped cells also get the *quote prefix* style, the XLSX
equivalent of typing a leading apostrophe, so the text stays text even when a
user edits the cell. The stored value is the original text.

The labels (headers, yes/no, states) are given by the caller, translated.
"""

import datetime

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

BLANK = "blank"
NUMBER = "number"
STRING = "string"
ESCAPED = "escaped"  # a string to write with write_string + quote prefix
DATETIME = "datetime"
MAX_CELL_TEXT = 32767  # XLSX limit of one cell


def _quote_prefix_supported():
    try:
        from xlsxwriter.format import Format  # noqa: PLC0415
    except ImportError:  # pragma: no cover - xlsxwriter is a dependency
        return False
    return hasattr(Format, "set_quote_prefix")


QUOTE_PREFIX_SUPPORTED = _quote_prefix_supported()


def needs_escape(text):
    return isinstance(text, str) and text.startswith(FORMULA_PREFIXES)


def cell(value):
    """(kind, value) telling the writer how to write ``value``."""
    if value is None or value is False or value == "":
        return (BLANK, None)
    if isinstance(value, bool):
        return (STRING, str(value))
    if isinstance(value, (int, float)):
        return (NUMBER, value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return (DATETIME, value)
    text = str(value)[:MAX_CELL_TEXT]
    if needs_escape(text):
        return (ESCAPED, text)
    return (STRING, text)


def cells(values):
    return [cell(value) for value in values]


DETAIL_KEYS = (
    "reference",
    "date",
    "customer",
    "agent",
    "ticket",
    "score",
    "feedback",
    "praise",
    "follow_up",
    "state",
)


def detail_row(record):
    """One row of the detail sheet from a dict with the ``DETAIL_KEYS``.

    ``score`` is left blank when not scored (0/None/False)."""
    values = dict(record)
    if not values.get("score"):
        values["score"] = None
    return [values.get(key) for key in DETAIL_KEYS]


def follow_up_text(next_action, problem_status, tickets):
    """The follow-up column: next action, problem status and raised tickets."""
    parts = [part for part in (next_action, problem_status) if part]
    if tickets:
        parts.append(", ".join(tickets))
    return " / ".join(parts)


def summary_row(label, summary, target, yes, no):
    """One row of the summary sheet for a :class:`satisfaction.Summary`."""
    scored = summary.scored
    return [
        label,
        scored,
        summary.score_sum,
        round(summary.average, 2) if scored else None,
        *(summary.distribution[score] for score in (1, 2, 3, 4, 5)),
        summary.unreachable,
        summary.declined,
        summary.open,
        (yes if summary.target_met(target) else no) if scored else None,
    ]


def summary_rows(per_agent, overall, target, overall_label, yes, no):
    """Rows per agent (sorted by label) then the overall row.

    ``per_agent``: iterable of ``(label, Summary)``."""
    rows = [
        summary_row(label, summary, target, yes, no)
        for label, summary in sorted(per_agent, key=lambda item: (item[0] or "").lower())
    ]
    rows.append(summary_row(overall_label, overall, target, yes, no))
    return rows


def agent_report_row(month, agent, counts):
    """A row of the agent monthly report.

    ``counts``: dict with callbacks, done, unreachable, declined, scored,
    score_sum, problems, problems_solved."""
    scored = counts.get("scored", 0)
    problems = counts.get("problems", 0)
    solved = counts.get("problems_solved", 0)
    return [
        month,
        agent,
        counts.get("callbacks", 0),
        counts.get("done", 0),
        counts.get("unreachable", 0),
        counts.get("declined", 0),
        round(counts.get("score_sum", 0) / scored, 2) if scored else None,
        problems,
        solved,
        problems - solved,
    ]


# The care record sheet (客户关怀记录表), its columns in the template's order.
CARE_RECORD_KEYS = (
    "number",
    "customer",
    "contact",
    "industry",
    "date",
    "reason",
    "channel",
    "summary",
    "feedback",
    "problem_status",
    "responsible",
    "deadline",
    "done_date",
    "remarks",
)


def care_record_row(record):
    """One row of the care record sheet from a dict with ``CARE_RECORD_KEYS``
    (missing keys are blank)."""
    return [record.get(key) for key in CARE_RECORD_KEYS]


def joined(*parts, separator=" / "):
    """The non-empty parts joined (the sheet's combined columns)."""
    return separator.join(str(part).strip() for part in parts if part and str(part).strip())


def display(value):
    """A cell value as printed text: dates ISO, times to the minute."""
    if value is None or value is False:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


WORKBOOK_OPTIONS = {"constant_memory": True, "remove_timezone": True}


def add_formats(workbook):
    """The cell formats of the suite's sheets, added to ``workbook``."""
    return {
        "header": workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "border": 1}),
        ESCAPED: workbook.add_format({"quote_prefix": True} if QUOTE_PREFIX_SUPPORTED else {}),
        DATETIME: workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "number": workbook.add_format({"num_format": "0.00"}),
    }


def write_cells(sheet, row, values, formats, header=False):
    """Write one row; text always through ``write_string`` (never a formula)."""
    for col, (kind, value) in enumerate(cells(values)):
        if header:
            sheet.write_string(row, col, "" if value is None else str(value), formats["header"])
        elif kind == BLANK:
            continue
        elif kind == NUMBER:
            fmt = formats["number"] if isinstance(value, float) else None
            sheet.write_number(row, col, value, fmt)
        elif kind == DATETIME:
            if isinstance(value, datetime.datetime):
                sheet.write_datetime(row, col, value, formats[DATETIME])
            else:
                sheet.write_datetime(
                    row, col, datetime.datetime.combine(value, datetime.time.min), formats["date"]
                )
        elif kind == ESCAPED:
            sheet.write_string(row, col, value, formats[ESCAPED])
        else:
            sheet.write_string(row, col, value)


def write_table(sheet, row, headers, rows, formats, freeze=False):
    """A header row at ``row`` and ``rows`` below it (``freeze``: the header
    stays in view). Returns the row after the table."""
    if freeze:
        sheet.freeze_panes(row + 1, 0)
    write_cells(sheet, row, headers, formats, header=True)
    next_row = row + 1
    for values in rows:
        write_cells(sheet, next_row, values, formats)
        next_row += 1
    return next_row
