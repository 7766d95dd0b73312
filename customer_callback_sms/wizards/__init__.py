from . import customer_callback_sms_test
