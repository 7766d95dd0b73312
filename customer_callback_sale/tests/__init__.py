# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_order_generation
from . import test_order_script
from . import test_routing
from . import test_sample_data
from . import test_defaults
from . import test_sale_hostile
from . import test_i18n
from . import test_demo
