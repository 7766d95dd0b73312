# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import customer_callback
from . import customer_callback_call
from . import customer_callback_workday
from . import res_company
from . import voip_call
