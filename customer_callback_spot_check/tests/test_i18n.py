# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.customer_callback.tests.i18n_check import (
    check_module_translations,
    terms_citing_sop_sections,
)


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_pot_is_current_and_zh_cn_complete(self):
        check_module_translations(self, "customer_callback_spot_check")

    def test_no_term_cites_sop_sections(self):
        self.assertEqual(terms_citing_sop_sections(self.env, "customer_callback_spot_check"), [])
