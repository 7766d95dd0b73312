# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The company restriction on survey answers moves from a record rule to
Python (models/ir_rule.py, issue #28 point 7): the record rule named this
addon's fields, which made survey's own tests fail on a registry loaded only
up to ``survey``. The rule was ``noupdate``: the update removes it here (the
same restriction applies through the Python rule as soon as this version is
loaded)."""

from odoo import SUPERUSER_ID, api

OLD_RULE = "customer_callback_survey.survey_user_input_rule_callback_company"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref(OLD_RULE, raise_if_not_found=False)
    if rule:
        rule.unlink()
