from . import test_aliyun
from . import test_aliyun_hostile
from . import test_aliyun_tour
from . import test_aliyun_workers
from . import test_i18n
