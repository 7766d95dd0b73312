# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import customer_callback
from . import customer_callback_spot_check
