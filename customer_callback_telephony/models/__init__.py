# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import customer_callback_call
from . import customer_callback_call_cause
from . import customer_callback_call_event
from . import customer_callback
from . import customer_callback_attempt
from . import res_company
from . import res_config_settings
from . import res_partner
from . import res_users
