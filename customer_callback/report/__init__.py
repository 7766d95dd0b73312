# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import spot_check_xlsx
from . import customer_callback_agent_report
from . import agent_report_xlsx
from . import customer_callback_workload
