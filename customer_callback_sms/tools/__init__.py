from . import sms_rules
