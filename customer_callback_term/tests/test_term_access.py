# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import AccessMatrixMixin, CallbackCase

NONE = "----"
# Expected model-level rights of every model of the addon, per profile
# (ACCESS_PROFILES of customer_callback's tests: portal, internal, helpdesk
# user, agent, supervisor, supervisor of another company) as "rwcu".
ACCESS_MATRIX = {
    # the supervisors' stop words; the counts are written by the scheduled
    # action and the compute wizard only
    "customer.callback.stop.word": (NONE, NONE, NONE, NONE, "rwcu", "rwcu"),
    "customer.callback.term": (NONE, NONE, NONE, NONE, "r---", "r---"),
    "customer.callback.term.compute": (NONE, NONE, NONE, NONE, "rwcu", "rwcu"),
}


@tagged("post_install", "-at_install")
class TestTermAccess(AccessMatrixMixin, CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_access_profiles()

    def test_access_matrix_by_model_and_profile(self):
        self.assert_access_matrix(ACCESS_MATRIX)

    def test_access_matrix_lists_every_model_of_the_addon(self):
        self.assert_matrix_covers_module(ACCESS_MATRIX, "customer_callback_term")
