# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_complaint_sms
from . import test_i18n
