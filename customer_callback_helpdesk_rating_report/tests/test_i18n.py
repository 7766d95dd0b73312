# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.customer_callback.tests.i18n_check import check_module_translations


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_pot_is_current_and_zh_cn_complete(self):
        check_module_translations(self, "customer_callback_helpdesk_rating_report")
