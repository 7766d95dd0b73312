# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_i18n
from . import test_tours
from . import test_voip_calls_tools
from . import test_voip_oca
from . import test_voip_oca_hostile
