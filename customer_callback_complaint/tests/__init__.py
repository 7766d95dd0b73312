# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_complaint_deadlines_tools
from . import test_complaint
from . import test_complaint_tour
from . import test_complaint_workday
from . import test_complaint_reliability
from . import test_complaint_hostile
from . import test_complaint_sample
from . import test_i18n
from . import test_demo
