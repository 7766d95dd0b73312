# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_personal_page
from . import test_personal_page_tour
from . import test_link_expiry
from . import test_link_merge
from . import test_portal_access
from . import test_portal_hostile
from . import test_i18n
from . import test_data_request_export
