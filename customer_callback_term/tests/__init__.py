# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_terms_tools
from . import test_terms
from . import test_term_access
from . import test_term_hostile
from . import test_i18n
from . import test_demo
