# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import res_config_settings
from . import customer_callback_script
from . import customer_callback_spot_check
from . import customer_callback
from . import customer_callback_sample
from . import customer_callback_workday
