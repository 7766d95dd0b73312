# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.customer_callback.tests.common import AccessMatrixMixin, CallbackCase

NONE = "----"
# Expected model-level rights of every model of the addon, per profile
# (ACCESS_PROFILES of customer_callback's tests: portal, internal, helpdesk
# user, agent, supervisor, supervisor of another company) as "rwcu".
ACCESS_MATRIX = {
    # personal links: sent by agents, revoked through the action, never deleted
    "customer.callback.link": (NONE, NONE, NONE, "r-c-", "r-c-", "r-c-"),
    # the public page's rate limit: written by the page only (as superuser)
    "customer.callback.link.throttle": (NONE,) * 6,
    # customers' data requests: created by the public page, handled by administrators
    "customer.callback.data.request": (NONE, NONE, NONE, NONE, "r---", "r---"),
}


@tagged("post_install", "-at_install")
class TestPortalAccess(AccessMatrixMixin, CallbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_access_profiles()

    def test_access_matrix_by_model_and_profile(self):
        self.assert_access_matrix(ACCESS_MATRIX)

    def test_access_matrix_lists_every_model_of_the_addon(self):
        self.assert_matrix_covers_module(ACCESS_MATRIX, "customer_callback_portal")
