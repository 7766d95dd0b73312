# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_survey_score_tools
from . import test_survey_sending
from . import test_survey_answers
from . import test_survey_independence
from . import test_survey_tour
from . import test_i18n
from . import test_survey_reliability
from . import test_hostile_survey
from . import test_survey_consent
from . import test_personal_page_tour
from . import test_demo
