# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import res_config_settings
from . import customer_complaint_grade
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_category
from . import helpdesk_ticket
from . import customer_callback
from . import customer_callback_generator
from . import customer_callback_sample
from . import customer_callback_workday
