# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_i18n
from . import test_one_set_of_deadlines
