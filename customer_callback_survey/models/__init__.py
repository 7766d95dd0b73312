# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import ir_rule
from . import res_company
from . import res_config_settings
from . import customer_callback_survey_request
from . import survey_question
from . import survey_user_input
from . import helpdesk_ticket
from . import customer_callback
from . import res_partner
from . import customer_callback_consent
from . import customer_callback_script
