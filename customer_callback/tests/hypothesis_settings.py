# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The settings of the suite's property tests (hypothesis), for every runner.

``odoo -i <addon> --test-enable`` does not read the repository's conftest.py:
each ``@given`` test carries these settings itself, so that it tries the same
examples on every run (no flaky CI), is not failed for slow generation on a
busy machine, and writes no example database into the current directory.
"""

from hypothesis import HealthCheck, settings

REPEATABLE = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
