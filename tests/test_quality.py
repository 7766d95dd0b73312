# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The repository passes OCA's mandatory checks (.pre-commit-config.yaml):
ruff (lint and format) and pylint-odoo, with the repository's settings."""

import os
import shutil
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = [
    "customer_callback",
    "customer_callback_complaint",
    "customer_callback_complaint_report",
    "customer_callback_complaint_sms",
    "customer_callback_term",
    "customer_callback_portal",
    "customer_callback_sale",
    "customer_callback_survey",
    "customer_callback_sms",
    "customer_callback_sms_aliyun",
    "customer_callback_sms_tencent",
    "customer_callback_survey_sms",
    "customer_callback_report",
    "customer_callback_term_report",
    "customer_callback_survey_report",
    "customer_callback_sale_report",
    "customer_callback_helpdesk_rating",
    "customer_callback_helpdesk_rating_report",
    "customer_callback_helpdesk_merge",
    "customer_callback_helpdesk_sla",
    "customer_callback_crm_phonecall",
    "customer_callback_telephony",
    "customer_callback_telephony_tencent",
    "customer_callback_telephony_asterisk",
    "customer_callback_telephony_aliyun",
    "customer_callback_telephony_voip_oca",
]


def run(*command):
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_lint_clean():
    ruff = shutil.which("ruff")
    assert ruff, "ruff is missing: pip install -r requirements.txt"
    result = run(ruff, "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_clean():
    result = run(shutil.which("ruff") or "ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("addon", ADDONS)
def test_pylint_odoo_clean(addon):
    result = run(sys.executable, "-m", "pylint", "--rcfile=.pylintrc", addon)
    assert result.returncode == 0, result.stdout + result.stderr
