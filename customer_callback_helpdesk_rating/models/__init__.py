# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import customer_callback_survey_request
from . import helpdesk_ticket
from . import res_company
from . import res_config_settings
from . import res_partner
