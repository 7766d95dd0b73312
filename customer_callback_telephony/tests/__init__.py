# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_call_events
from . import test_telephony
from . import test_telephony_hostile
from . import test_i18n
from . import test_tours
