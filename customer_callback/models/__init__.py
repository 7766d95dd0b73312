# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import base
from . import res_company
from . import res_config_settings
from . import customer_callback_rule
from . import customer_callback_script
from . import customer_callback_occasion
from . import customer_callback_occasion_date
from . import customer_callback
from . import customer_callback_attempt
from . import customer_callback_generator
from . import res_partner
from . import sale_order
from . import helpdesk_ticket
from . import customer_complaint_grade
from . import helpdesk_ticket_category
from . import helpdesk_ticket_stage
from . import customer_callback_spot_check
