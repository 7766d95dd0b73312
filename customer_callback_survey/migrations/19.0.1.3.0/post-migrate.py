# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.3.0 (issue #27): the supervisor's call after a low survey score
is no longer dropped by the contact-fatigue cap, like the complaint and
feedback follow-ups. The rule is data that an update does not rewrite
(noupdate): each company's low-score rule is set so here."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rules = env["res.company"].search([]).mapped("callback_survey_followup_rule_id")
    default = env.ref("customer_callback_survey.rule_survey_followup", raise_if_not_found=False)
    (rules | (default or rules.browse())).filtered(lambda r: not r.ignore_fatigue).write(
        {"ignore_fatigue": True}
    )
