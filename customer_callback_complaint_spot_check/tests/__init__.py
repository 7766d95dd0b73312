# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_complaint_spot_check
from . import test_demo
from . import test_i18n
