# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.customer_callback.tests.i18n_check import check_module_translations


@tagged("post_install", "-at_install")
class TestSurveyTranslations(TransactionCase):
    def test_pot_is_current_and_zh_cn_complete(self):
        """The committed .pot matches what the addon exports, and every term
        has a Simplified Chinese translation (the SOPs' language)."""
        check_module_translations(self, "customer_callback_survey")

    def test_code_terms_are_translated(self):
        env = self.env(context={"lang": "zh_CN"})
        self.env["res.lang"]._activate_lang("zh_CN")
        self.assertEqual(
            env._("The customer was already surveyed in the last %s days.", 30),
            "该客户在过去 30 天内已接受过调查。",
        )
