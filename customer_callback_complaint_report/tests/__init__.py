# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_complaint_dashboard
from . import test_complaint_dashboard_tour
from . import test_complaint_quarterly
from . import test_complaint_workload
from . import test_i18n
