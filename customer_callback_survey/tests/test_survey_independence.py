# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Uninstalling the survey addon leaves the core intact.

A real uninstall commits and reloads the registry, which a test transaction
cannot do (and would break the shared test database). What an uninstall
removes is known from the database itself: the fields, models, views and
data owned by this addon only. These tests check that nothing of the core
depends on them, so removing them cannot break the core.
"""

import ast
from pathlib import Path

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged

from .common import SurveyCase

CORE = "customer_callback"
ADDON = "customer_callback_survey"


@tagged("post_install", "-at_install")
class TestSurveyIndependence(TransactionCase):
    def own_fields(self):
        """(model, field) pairs that the uninstall drops."""
        Data = self.env["ir.model.data"]
        rows = Data.search([("module", "=", ADDON), ("model", "=", "ir.model.fields")])
        fields = self.env["ir.model.fields"].browse(rows.mapped("res_id")).exists()
        return {(f.model, f.name) for f in fields if f.modules == ADDON}

    def test_core_does_not_depend_on_the_addon(self):
        manifest = get_manifest(CORE)
        self.assertNotIn(ADDON, manifest["depends"])
        self.assertNotIn("survey", manifest["depends"])
        core_dir = Path(manifest["addons_path"]) / CORE
        for path in core_dir.rglob("*.py"):
            tree = ast.parse(path.read_text(), filename=str(path))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                for name in names:
                    self.assertNotIn(ADDON, name, f"{path} imports the survey addon")
        for path in core_dir.rglob("*.xml"):
            self.assertNotIn(f"{ADDON}.", path.read_text(), f"{path} references the survey addon")

    def test_core_fields_do_not_depend_on_addon_fields(self):
        own = self.own_fields()
        self.assertIn(("helpdesk.ticket", "survey_score"), own)
        self.assertIn(("customer.callback", "survey_score"), own)
        self.assertIn(("survey.user_input", "callback_score"), own)
        own_models = {"customer.callback.survey.request"}
        registry = self.env.registry
        for model_name, model in registry.items():
            for name, field in model._fields.items():
                if (model_name, name) in own or getattr(field, "_module", None) != CORE:
                    continue
                # dependencies of computed/related core fields
                for path in field.resolve_depends(registry):
                    for dep in path:
                        self.assertNotIn(
                            (dep.model_name, dep.name),
                            own,
                            f"core field {model_name}.{name} depends on {dep}",
                        )
                if field.relational:
                    self.assertNotIn(
                        field.comodel_name, own_models, f"core field {model_name}.{name}"
                    )

    def test_core_record_rules_do_not_use_addon_fields(self):
        own = self.own_fields()
        rules = self.env["ir.rule"].browse(
            self.env["ir.model.data"]
            .search([("module", "=", CORE), ("model", "=", "ir.rule")])
            .mapped("res_id")
        )
        self.assertTrue(rules)
        for rule in rules:
            for model_name, name in own:
                if model_name == rule.model_id.model:
                    self.assertNotIn(name, rule.domain_force or "", rule.name)

    def test_core_views_do_not_use_addon_fields(self):
        own = self.own_fields()
        views = self.env["ir.ui.view"].browse(
            self.env["ir.model.data"]
            .search([("module", "=", CORE), ("model", "=", "ir.ui.view")])
            .mapped("res_id")
        )
        self.assertTrue(views)
        for view in views:
            for model_name, name in own:
                if model_name == view.model:
                    self.assertNotIn(
                        f'name="{name}"', view.arch_db, f"core view {view.name} uses {name}"
                    )

    def test_core_records_survive_removing_the_addon_data(self):
        """Callbacks created by the addon's rule keep working without it:
        the rule reference is ``ondelete='set null'`` on the core side."""
        field = self.env["customer.callback"]._fields["rule_id"]
        self.assertEqual(field.ondelete, "set null")
        self.assertEqual(self.env["customer.callback"]._fields["ticket_id"].ondelete, "set null")


@tagged("post_install", "-at_install")
class TestSurveyDataRemoval(SurveyCase):
    """An uninstall deletes the addon's records (the default survey, the
    follow-up rule, demo tickets) while the request table still exists:
    the foreign keys must let it (checked once with a real uninstall of a
    copy of a demo database, kept as a test here)."""

    def test_addon_records_can_be_deleted_under_requests(self):
        ticket = self.make_ticket()
        request = self.close(ticket)
        self.send()
        user_input = request.user_input_id
        self.answer(user_input, [1, 1, 1, 1])
        followup = self.callbacks_of(self.partner_sh).filtered(lambda c: c.survey_input_id)
        rule = followup.rule_id
        survey = self.survey.sudo()
        self.env.flush_all()
        survey.unlink()
        self.assertFalse(user_input.exists())
        self.assertEqual(request.state, "answered", "the request keeps its history")
        self.assertFalse(request.survey_id)
        self.assertEqual(request.score, 1, "the score stays")
        rule.sudo().unlink()
        self.assertFalse(followup.rule_id)
        self.assertEqual(followup.segment, "feedback_history")
        ticket.sudo().unlink()
        self.assertFalse(request.exists())
