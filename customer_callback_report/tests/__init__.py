# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_xlsx_rows_tools
from . import test_workload_tools
from . import test_dashboard
from . import test_workload
from . import test_quarterly_report
from . import test_quarterly_mail
from . import test_agent_month_report
from . import test_care_record
from . import test_report_pdf
from . import test_spot_check_reports
from . import test_workload_toast
from . import test_report_hostile
from . import test_report_reliability
from . import test_report_tours
from . import test_i18n
