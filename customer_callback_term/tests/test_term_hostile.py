# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Hostile suite of the high-frequency terms: its models read and exported
through the server, in the table format of customer_callback's hostile
suite (tests/hostile_common.py)."""

from odoo import fields
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.hostile_common import (
    ALLOWED,
    REFUSED,
    HostileCase,
    Row,
    make_row_tests,
)
from odoo.addons.customer_callback.tests.test_hostile import export_list, read

ACCESS = ("odoo.exceptions.AccessError",)

ROWS = [
    Row(
        "p02c_agent_exports_terms",
        "agent",
        REFUSED,
        export_list("customer.callback.term", "term_row"),
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
        models = {
            model
            for model in self.env.registry
            if self.env[model]._original_module == "customer_callback_term"
            and not self.env[model]._abstract
        }
        self.assertTrue(models)
        covered = {row.name for row in ROWS}
        for model in models:
            self.assertIn(f"read_{model.replace('.', '_')}_as_portal", covered, model)


make_row_tests(TestTermHostile, ROWS)
