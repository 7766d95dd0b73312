# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_tencent
from . import test_tencent_http
from . import test_i18n
