# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import customer_callback
from . import customer_callback_generator
from . import customer_callback_rule
from . import customer_callback_sample
from . import res_partner
from . import sale_order
