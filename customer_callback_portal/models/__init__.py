# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import customer_callback_data_request
from . import customer_callback_link
from . import customer_callback_link_throttle
from . import res_company
from . import res_config_settings
from . import customer_callback
from . import customer_callback_sample
