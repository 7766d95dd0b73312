# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A fresh database (no demo data) with the addons the simulated shop uses
(the core, its complaints and spot-checks, its sales orders, the surveys,
the reports), installed in-process
under the simulation's clock, so that nothing is dated after the start."""

import subprocess

REPO_ADDONS = (
    "customer_callback",
    "customer_callback_complaint",
    "customer_callback_spot_check",
    "customer_callback_sale",
    "customer_callback_survey",
    "customer_callback_report",
)


def configure(db, repo, log_level="warn", logfile=None):
    import odoo.tools  # noqa: PLC0415

    args = [
        "-d",
        db,
        f"--addons-path={repo}",
        f"--log-level={log_level}",
        "--http-interface=127.0.0.1",
        "--max-cron-threads=0",
    ]
    if logfile:
        args.append(f"--logfile={logfile}")
    odoo.tools.config.parse_config(args)


def create_database(db):
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.service import db as db_service  # noqa: PLC0415

    subprocess.run(["dropdb", "--if-exists", db], check=True)
    db_service._create_empty_database(db)  # the same call as odoo's -d with -i
    fast_commits(db)
    return Registry.new(db, update_module=True, install_modules=REPO_ADDONS)


def fast_commits(db):
    """No wait for the disk at each commit (``synchronous_commit=off``): a
    simulation's database is thrown away, a crash of PostgreSQL would only
    end the run. Transactions, their isolation and their order are the same;
    the scheduler's job commits several times per run, hourly."""
    subprocess.run(
        [
            "psql",
            "-q",
            "-d",
            "postgres",
            "-c",
            f'ALTER DATABASE "{db}" SET synchronous_commit = off',
        ],
        check=True,
    )
