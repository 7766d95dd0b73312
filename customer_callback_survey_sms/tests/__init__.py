from . import test_survey_sms
from . import test_i18n
