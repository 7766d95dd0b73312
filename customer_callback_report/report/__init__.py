# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import spot_check_xlsx
from . import customer_callback_agent_report
from . import agent_report_xlsx
from . import customer_callback_care_record
from . import care_record_xlsx
from . import customer_callback_agent_month_report
from . import customer_callback_quarterly_report
from . import quarterly_report_xlsx
from . import customer_callback_workload
from . import customer_callback_spot_check_detail
from . import customer_callback_spot_check_summary
