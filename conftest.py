# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Repository-wide pytest settings.

A skipped test fails the run: Odoo skips a browser tour silently when Chromium
is missing and pytest-odoo skips HttpCase without --odoo-http, so a green run
with skips would hide tests that never ran.
"""


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        session.exitstatus = 1
        reporter.write_line(
            f"FAILED: {len(skipped)} test(s) skipped; every test must run "
            "(is Chromium installed, and --odoo-http given?)",
            red=True,
        )


def pytest_configure(config):
    # Property tests run the same examples on every run (no flaky CI) and are
    # not failed for slow generation on a busy 2-core machine.
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:  # pragma: no cover - hypothesis is in requirements.txt
        return
    settings.register_profile(
        "repository",
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile("repository")
