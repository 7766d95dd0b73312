# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX rows and cell escaping (pure logic)."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from odoo.addons.customer_callback.tools import satisfaction as sat

from ..tools import xlsx_rows as xr


class RecordingSheet:
    """What a worksheet was asked to write: ``(row, col, value)`` and the frozen panes."""

    def __init__(self):
        self.cells, self.frozen = [], None

    def freeze_panes(self, row, col):
        self.frozen = (row, col)

    def write_string(self, row, col, value, fmt=None):
        self.cells.append((row, col, value))

    def write_number(self, row, col, value, fmt=None):
        self.cells.append((row, col, value))


@tagged("post_install", "-at_install")
class TestXlsxRowsTools(BaseCase):
    def test_cells_starting_like_a_formula_are_escaped(self):
        for text in (
            "=1+1",
            "+33 1 23",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\r=x",
            '=HYPERLINK("http://x","y")',
        ):
            assert xr.cell(text) == (xr.ESCAPED, text)
        assert xr.cell("Hello = world") == (xr.STRING, "Hello = world")
        assert xr.cell(5) == (xr.NUMBER, 5)
        assert xr.cell(-2) == (xr.NUMBER, -2)
        assert xr.cell(None) == (xr.BLANK, None)
        assert xr.cell(False) == (xr.BLANK, None)
        assert xr.cell("") == (xr.BLANK, None)
        assert xr.cell(True) == (xr.STRING, "True")
        moment = datetime.datetime(2026, 11, 23, 10, 0)
        assert xr.cell(moment) == (xr.DATETIME, moment)
        assert len(xr.cell("x" * 40000)[1]) == xr.MAX_CELL_TEXT

    def test_detail_row(self):
        row = xr.detail_row(
            {
                "reference": "202611001",
                "date": datetime.date(2026, 11, 20),
                "customer": "=cmd",
                "agent": "Agent 1",
                "ticket": "HT001",
                "score": 0,
                "feedback": "slow",
                "praise": "",
                "follow_up": xr.follow_up_text("call again", "Pending", ["HT002", "HT003"]),
                "state": "Done",
            }
        )
        assert row[5] is None  # not scored
        assert row[8] == "call again / Pending / HT002, HT003"
        assert xr.cells(row)[2] == (xr.ESCAPED, "=cmd")
        assert xr.follow_up_text(None, None, []) == ""

    def test_summary_rows(self):
        per_agent = [
            ("Zoe", sat.summarize([("done", 5, 2), ("unreachable", None, 1)])),
            ("adam", sat.summarize([("done", 2, 1), ("declined", None, 2), ("planned", None, 1)])),
        ]
        overall = sat.Summary().merge(per_agent[0][1]).merge(per_agent[1][1])
        rows = xr.summary_rows(per_agent, overall, 4.0, "Overall", "Yes", "No")
        assert rows[0] == ["adam", 1, 2, 2.0, 0, 1, 0, 0, 0, 0, 2, 1, "No"]
        assert rows[1] == ["Zoe", 2, 10, 5.0, 0, 0, 0, 0, 2, 1, 0, 0, "Yes"]
        assert rows[2] == ["Overall", 3, 12, 4.0, 0, 1, 0, 0, 2, 1, 2, 1, "Yes"]
        empty = xr.summary_row("x", sat.Summary(), 4.0, "Yes", "No")
        assert empty[3] is None and empty[-1] is None

    def test_agent_report_row(self):
        row = xr.agent_report_row(
            "2026-11",
            "Agent",
            {
                "callbacks": 10,
                "done": 6,
                "unreachable": 2,
                "declined": 1,
                "scored": 6,
                "score_sum": 25,
                "problems": 3,
                "problems_solved": 1,
            },
        )
        assert row == ["2026-11", "Agent", 10, 6, 2, 1, 4.17, 3, 1, 2]
        assert xr.agent_report_row("m", "a", {})[6] is None

    @given(st.text(max_size=50))
    def test_property_no_text_cell_can_become_a_formula(self, text):
        kind, value = xr.cell(text)
        if kind == xr.STRING:
            assert not value.startswith(xr.FORMULA_PREFIXES)
        if text and text[0] in "=+-@\t\r":
            assert kind == xr.ESCAPED and value == text

    def test_write_table_puts_the_header_then_the_rows_and_returns_the_next_row(self):
        formats = {"header": "h", "number": "n", xr.ESCAPED: "e"}
        sheet = RecordingSheet()
        after = xr.write_table(sheet, 3, ["Agent", "Calls"], iter([["Li", 2], ["=x", 1]]), formats)
        assert after == 6
        assert sheet.frozen is None
        assert sheet.cells == [
            (3, 0, "Agent"),
            (3, 1, "Calls"),
            (4, 0, "Li"),
            (4, 1, 2),
            (5, 0, "=x"),
            (5, 1, 1),
        ]
        empty = RecordingSheet()
        assert xr.write_table(empty, 0, ["Agent"], [], formats, freeze=True) == 1
        assert empty.frozen == (1, 0)

    def test_care_record_row_keeps_the_template_order(self):
        record = {key: key.upper() for key in xr.CARE_RECORD_KEYS}
        del record["remarks"]
        row = xr.care_record_row(record)
        assert row[0] == "NUMBER" and row[4] == "DATE" and row[9] == "PROBLEM_STATUS"
        assert len(row) == 14 and row[-1] is None

    def test_joined_and_display(self):
        assert xr.joined("张伟", None, " ", "绿源") == "张伟 / 绿源"
        assert xr.joined(None, "") == ""
        assert xr.joined("a", "b", separator="\n") == "a\nb"
        assert xr.display(datetime.datetime(2026, 11, 23, 10, 30, 5)) == "2026-11-23 10:30"
        assert xr.display(datetime.date(2026, 11, 25)) == "2026-11-25"
        assert xr.display(False) == "" and xr.display(3) == "3"
