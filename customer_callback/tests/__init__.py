# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_defaults
from . import test_generation
from . import test_attempts
from . import test_callback
from . import test_stale
from . import test_access
from . import test_tours
from . import test_reliability
from . import test_generation_processes
from . import test_complaint
from . import test_spot_check
from . import test_i18n
from . import test_hostile
from . import test_screens
from . import test_workload
from . import test_numbering
from . import test_manual_fatigue
