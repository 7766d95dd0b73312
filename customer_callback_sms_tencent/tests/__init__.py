from . import test_tencent
from . import test_tencent_tour
from . import test_i18n
from . import test_tencent_day_limit
