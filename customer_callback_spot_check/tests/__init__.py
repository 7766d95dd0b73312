# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_sampling_tools
from . import test_spot_check
from . import test_spot_check_fatigue
from . import test_spot_check_hostile
from . import test_spot_check_reliability
from . import test_spot_check_sample
from . import test_spot_check_screens
from . import test_spot_check_tours
from . import test_spot_check_workday
from . import test_migration_1_6
from . import test_demo
from . import test_i18n
