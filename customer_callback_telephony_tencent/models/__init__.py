# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import customer_callback_call
from . import res_company
from . import res_config_settings
