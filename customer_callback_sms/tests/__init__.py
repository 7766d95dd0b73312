from . import test_sms_rules
from . import test_sms_flow
from . import test_i18n
from . import test_sms_receipts
