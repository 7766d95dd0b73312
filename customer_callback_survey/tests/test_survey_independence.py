# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Uninstalling the survey addon leaves the core intact.

A real uninstall commits and reloads the registry, which a test transaction
cannot do (and would break the shared test database). What an uninstall
removes is known from the database itself: the fields, models, views and
data owned by this addon only. These tests check that nothing of the core
depends on them, so removing them cannot break the core.
"""

import ast
import importlib.util
import re
from pathlib import Path

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

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

    def core_depends(self, model, field):
        """The dependencies of ``field`` declared by code outside this addon."""
        if field.related:
            return [field.related]
        if field._depends is not None:
            return list(field._depends)
        if not isinstance(field.compute, str):
            return []
        depends = []
        for cls in type(model).__mro__:
            func = cls.__dict__.get(field.compute)
            if not callable(func) or func.__module__.startswith(f"odoo.addons.{ADDON}."):
                continue
            deps = getattr(func, "_depends", ())
            depends.extend(deps(model) if callable(deps) else deps)
        return depends

    def resolve_path(self, model, dotted):
        """The fields along a dotted dependency path."""
        result = []
        for name in dotted.split("."):
            if model is None or name not in model._fields:
                break
            field = model._fields[name]
            result.append(field)
            model = self.env[field.comodel_name] if field.relational else None
        return result

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
                # dependencies the core declares for its computed/related fields
                # (an addon override may add its own: they go with the addon)
                for dotted in self.core_depends(model, field):
                    for dep in self.resolve_path(model, dotted):
                        self.assertNotIn(
                            (dep.model_name, dep.name),
                            own,
                            f"core field {model_name}.{name} depends on {dep}",
                        )
                if field.relational:
                    self.assertNotIn(
                        field.comodel_name, own_models, f"core field {model_name}.{name}"
                    )

    def test_partner_average_takes_survey_answers_through_a_core_hook(self):
        """The core's average satisfaction follows the survey answers only
        through this addon's override of the core hook, which goes with it."""
        Partner = self.env["res.partner"]
        field = Partner._fields["callback_satisfaction"]
        self.assertNotIn(
            "callback_survey_input_ids.callback_score", self.core_depends(Partner, field)
        )
        depends, _context = field.get_depends(Partner)
        self.assertIn("callback_survey_input_ids.callback_score", depends)
        core_hook = next(
            cls.__dict__["_callback_satisfaction_totals"]
            for cls in reversed(type(Partner).__mro__)
            if "_callback_satisfaction_totals" in cls.__dict__
        )
        self.assertTrue(core_hook.__module__.startswith(f"odoo.addons.{CORE}."))

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

    def test_record_rules_on_other_models_do_not_use_addon_fields(self):
        """The record rules are read from the database as soon as their model
        is in the registry, whatever modules it holds: a rule naming this
        addon's fields on another module's model fails whenever the registry
        holds that model without this addon, e.g. survey's own tests run by
        ``-u survey --test-enable`` (issue #28, 7). The company restriction
        on survey answers is a rule in Python (models/ir_rule.py)."""
        own = self.own_fields()
        self.assertIn(("survey.user_input", "ticket_id"), own)
        own_models = {"customer.callback.survey.request"}
        for rule in self.env["ir.rule"].with_context(active_test=False).search([]):
            model_name = rule.model_id.model
            if model_name in own_models:
                continue
            for name in {name for model, name in own if model == model_name}:
                self.assertIsNone(
                    re.search(rf"""['"]{name}['".]""", rule.domain_force or ""),
                    f"record rule {rule.name} names {model_name}.{name}",
                )

    def test_answers_company_rule_is_applied(self):
        """The Python rule on survey answers, as the record rules give it."""
        Rule = self.env["ir.rule"].with_user(self.env.ref("base.user_admin"))
        domain = Rule._compute_domain("survey.user_input", "read")
        names = {condition.field_expr for condition in domain.iter_conditions()}
        self.assertLessEqual({"ticket_id", "callback_id"}, names)
        self.assertTrue(self.env["ir.rule"].sudo()._compute_domain("survey.user_input").is_true())

    def test_update_removes_the_record_rule_on_answers(self):
        """19.0.1.2.0: the record rule of earlier versions (``noupdate``) goes."""
        rule = self.env["ir.rule"].create(
            {
                "name": "Survey answers of callbacks and tickets: multi-company",
                "model_id": self.env["ir.model"]._get_id("survey.user_input"),
                "domain_force": "['&', '|', ('ticket_id', '=', False), "
                "('ticket_id.company_id', 'in', company_ids), '|', ('callback_id', '=', False), "
                "('callback_id.company_id', 'in', company_ids)]",
            }
        )
        self.env["ir.model.data"].create(
            {
                "module": ADDON,
                "name": "survey_user_input_rule_callback_company",
                "model": "ir.rule",
                "res_id": rule.id,
                "noupdate": True,
            }
        )
        path = Path(__file__).parent.parent / "migrations" / "19.0.1.2.0" / "post-migrate.py"
        spec = importlib.util.spec_from_file_location("survey_migration_19_0_1_2_0", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "19.0.1.1.0")
        self.assertFalse(rule.exists())
        self.assertFalse(self.env.ref(f"{ADDON}.survey_user_input_rule_callback_company", False))

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
        # as the uninstall deletes it (users archive rules with callbacks)
        rule.sudo().with_context(**{MODULE_UNINSTALL_FLAG: True}).unlink()
        self.assertFalse(followup.rule_id)
        self.assertEqual(followup.segment, "feedback_history")
        ticket.sudo().unlink()
        self.assertFalse(request.exists())
