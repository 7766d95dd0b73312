# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile suite of the high-frequency terms: its models read and exported
through the server, in the table format of customer_callback's hostile
suite (tests/hostile_common.py)."""

import io
import json
from types import SimpleNamespace

import openpyxl

from odoo import fields, http
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    HostileCase,
    Refused,
    Row,
    make_row_tests,
)
from odoo.addons.customer_callback.tests.test_hostile import read

ACCESS = ("odoo.exceptions.AccessError",)


def export_terms(case, profile):
    """The list view's *Export* of the test term (``/web/export/xlsx``, as
    the web client posts it): the terms exported, or Refused, for the
    profile's rights (not for a field the model lacks)."""
    # Odoo 19 lets only the members of "Access to export feature" export:
    # given here, so that the model's rights are what is tested
    case.users[profile].sudo().group_ids |= case.env.ref("base.group_allow_export")
    case.login(profile)
    session = SimpleNamespace(sid=case.opener.cookies.get("session_id"))
    token = http.Request.csrf_token(SimpleNamespace(env=case.env, session=session))
    payload = {
        "model": "customer.callback.term",
        "fields": [{"name": "term", "label": "Term"}],
        "ids": case.term_row.ids,
        "domain": [],
        "groupby": [],
        "import_compat": False,
    }
    case.env.flush_all()
    # the export controller logs a refused export as an error: expected here
    with mute_logger("odoo.addons.web.controllers.export"):
        response = case.url_open(
            "/web/export/xlsx", data={"data": json.dumps(payload), "csrf_token": token}
        )
    case.env.invalidate_all()
    if response.status_code != 200 or response.headers.get("Content-Type", "").startswith(
        "text/html"
    ):
        case.assertIn("odoo.exceptions.AccessError", response.text)
        raise Refused(f"export of terms: HTTP {response.status_code}")
    case.assert_xlsx(response.content)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


ROWS = [
    Row("p02c_agent_exports_terms", "agent", REFUSED, export_terms),
    Row(
        "p02c_supervisor_exports_terms",
        "supervisor",
        ALLOWED,
        export_terms,
        lambda case, terms: case.assertEqual(terms, {"漏水"}),
    ),
    # -- access matrix through the server: one record of each model ---------
    *[
        Row(
            f"read_{model.replace('.', '_')}_as_{profile}",
            profile,
            ALLOWED if profile in allowed else REFUSED,
            read(model, record),
            ACCESS,
        )
        for model, record, allowed in [
            ("customer.callback.stop.word", "stop_word", ("supervisor",)),
            ("customer.callback.term", "term_row", ("supervisor",)),
            ("customer.callback.term.compute", "term_compute", ("supervisor",)),
        ]
        for profile in (
            "agent",
            "other_agent",
            "internal",
            "portal",
            "supervisor",
            "foreign_supervisor",
        )
    ],
]


@tagged("post_install", "-at_install")
class TestTermHostile(HostileCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        supervisor = cls.users["supervisor"]
        cls.stop_word = env["customer.callback.stop.word"].create(
            {"word": "hostile", "company_id": cls.company.id}
        )
        cls.term_row = env["customer.callback.term"].create(
            {
                "company_id": cls.company.id,
                "month": fields.Date.today().replace(day=1),
                "kind": "term",
                "term": "漏水",
                "record_count": 1,
            }
        )
        cls.term_compute = (
            env["customer.callback.term.compute"].with_user(supervisor).create({}).sudo()
        )

    def test_every_model_of_the_addon_has_rows(self):
        """A new model of the addon gets its rows in ROWS."""
        self.assert_every_model_has_rows("customer_callback_term", ROWS)


make_row_tests(TestTermHostile, ROWS)
