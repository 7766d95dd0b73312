from . import customer_callback_survey_request
