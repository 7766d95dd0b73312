# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Manifest, XML and CSV sanity of the suite's addons (no database needed)."""

import ast
import csv
import os
import re

import pytest
from lxml import etree

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The bridges (issue #21) install automatically where the OCA module they glue is.
BRIDGES = [
    "customer_callback_complaint_report",
    "customer_callback_complaint_spot_check",
    "customer_callback_complaint_sms",
    "customer_callback_term_report",
    "customer_callback_survey_report",
    "customer_callback_sale_report",
    "customer_callback_helpdesk_rating",
    "customer_callback_helpdesk_rating_report",
    "customer_callback_helpdesk_merge",
    "customer_callback_helpdesk_sla",
    "customer_callback_crm_phonecall",
]
# SMS through Chinese providers (issue #33)
SMS_ADDONS = [
    "customer_callback_sms",
    "customer_callback_sms_aliyun",
    "customer_callback_sms_tencent",
]
# Issue #32: the telephony base addon and its adapters
TELEPHONY = [
    "customer_callback_telephony",
    "customer_callback_telephony_tencent",
    "customer_callback_telephony_asterisk",
    "customer_callback_telephony_aliyun",
    "customer_callback_telephony_voip_oca",
]
ADDONS = [
    "customer_callback",
    "customer_callback_complaint",
    "customer_callback_spot_check",
    "customer_callback_term",
    "customer_callback_portal",
    "customer_callback_sale",
    "customer_callback_survey",
    "customer_callback_report",
    *SMS_ADDONS,
    *BRIDGES,
    *TELEPHONY,
]
DEPENDS = {
    "customer_callback": [
        "helpdesk_mgmt",
        "sales_team",
        "contacts",
        "mail",
        "resource",
        "onboarding",
    ],
    "customer_callback_complaint": ["customer_callback"],
    "customer_callback_spot_check": ["customer_callback"],
    "customer_callback_complaint_spot_check": [
        "customer_callback_complaint",
        "customer_callback_spot_check",
    ],
    "customer_callback_complaint_report": [
        "customer_callback_complaint",
        "customer_callback_report",
    ],
    "customer_callback_complaint_sms": ["customer_callback_complaint", "customer_callback_sms"],
    "customer_callback_term": ["customer_callback"],
    "customer_callback_portal": ["customer_callback"],
    "customer_callback_sale": ["customer_callback", "sale"],
    # the survey messages carry the customer's personal link (stop surveys);
    # the survey after a closed complaint is its default (README, Layout)
    "customer_callback_survey": [
        "customer_callback_portal",
        "customer_callback_complaint",
        "survey",
    ],
    "customer_callback_sms": ["customer_callback", "sms"],
    "customer_callback_sms_aliyun": ["customer_callback_sms"],
    "customer_callback_sms_tencent": ["customer_callback_sms"],
    "customer_callback_survey_sms": ["customer_callback_survey", "customer_callback_sms"],
    # the spot-checks' reports are still customer_callback_report's (README,
    # Layout: a customer_callback_spot_check_report bridge is to take them)
    "customer_callback_report": [
        "customer_callback",
        "customer_callback_spot_check",
        "report_xlsx",
    ],
    "customer_callback_term_report": ["customer_callback_term", "customer_callback_report"],
    "customer_callback_survey_report": ["customer_callback_survey", "customer_callback_report"],
    "customer_callback_sale_report": ["customer_callback_sale", "customer_callback_report"],
    "customer_callback_helpdesk_rating": ["customer_callback_survey", "helpdesk_mgmt_rating"],
    "customer_callback_helpdesk_rating_report": [
        "customer_callback_helpdesk_rating",
        "customer_callback_report",
    ],
    "customer_callback_helpdesk_merge": ["customer_callback_survey", "helpdesk_mgmt_merge"],
    "customer_callback_helpdesk_sla": ["customer_callback_complaint", "helpdesk_mgmt_sla"],
    "customer_callback_crm_phonecall": ["customer_callback", "crm_phonecall"],
    "customer_callback_telephony": ["customer_callback"],
    "customer_callback_telephony_tencent": ["customer_callback_telephony"],
    "customer_callback_telephony_asterisk": ["customer_callback_telephony"],
    "customer_callback_telephony_aliyun": ["customer_callback_telephony"],
    "customer_callback_telephony_voip_oca": ["customer_callback_telephony", "voip_oca"],
}


def manifest(addon):
    with open(os.path.join(REPO, addon, "__manifest__.py"), encoding="utf-8") as handle:
        return ast.literal_eval(handle.read())


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_keys(addon):
    data = manifest(addon)
    assert re.fullmatch(r"19\.0\.\d+\.\d+\.\d+", data["version"])
    assert data["license"] == "AGPL-3"
    assert data["author"] and isinstance(data["maintainers"], list) and data["maintainers"]
    assert data["depends"] == DEPENDS[addon]
    assert data["installable"]
    for key in ("description", "active"):
        assert key not in data, f"deprecated manifest key {key}"


@pytest.mark.parametrize("addon", ADDONS)
def test_data_files_exist_and_parse(addon):
    data = manifest(addon)
    files = data.get("data", []) + data.get("demo", [])
    assert len(files) == len(set(files)), "a data file is listed twice"
    for name in files:
        path = os.path.join(REPO, addon, name)
        assert os.path.isfile(path), f"{addon}: {name} is listed but missing"
        if name.endswith(".xml"):
            root = etree.parse(path).getroot()
            assert root.tag == "odoo"
            ids = [el.get("id") for el in root.iter() if el.get("id")]
            assert len(ids) == len(set(ids)), f"{name}: duplicate xml ids"
            assert not root.xpath("//tree"), f"{name}: <tree> is <list> since Odoo 17"
            assert not root.xpath("//*[@attrs or @states]"), (
                f"{name}: attrs/states are gone since 17"
            )
        elif name.endswith(".csv"):
            with open(path, encoding="utf-8") as handle:
                rows = list(csv.DictReader(handle))
            assert rows, f"{name} is empty"
            ids = [row["id"] for row in rows]
            assert len(ids) == len(set(ids)), f"{name}: duplicate ids"


@pytest.mark.parametrize("addon", ADDONS)
def test_every_model_has_access_rules(addon):
    """Each model declared in the addon has an ir.model.access line."""
    models_dir = os.path.join(REPO, addon, "models")
    wizards_dir = os.path.join(REPO, addon, "wizards")
    declared = set()
    for folder in (models_dir, wizards_dir):
        if not os.path.isdir(folder):
            continue
        for filename in os.listdir(folder):
            if filename.endswith(".py"):
                with open(os.path.join(folder, filename), encoding="utf-8") as handle:
                    source = handle.read()
                for match in re.finditer(r'^\s+_name = "([\w.]+)"', source, re.M):
                    if (
                        "AbstractModel"
                        not in source.split(match.group(0))[0].rsplit("class ", 1)[-1]
                    ):
                        declared.add(match.group(1))
    if not declared:  # a bridge that only extends models
        return
    with open(
        os.path.join(REPO, addon, "security", "ir.model.access.csv"), encoding="utf-8"
    ) as handle:
        covered = {row["model_id:id"].split(".")[-1] for row in csv.DictReader(handle)}
    missing = {name for name in declared if "model_" + name.replace(".", "_") not in covered}
    assert not missing, f"models without access rules: {sorted(missing)}"


@pytest.mark.parametrize("addon", ADDONS)
def test_oca_layout(addon):
    for path in (
        "readme/DESCRIPTION.md",
        "readme/USAGE.md",
        "static/description/icon.png",
        "i18n/zh_CN.po",
        f"i18n/{addon}.pot",
        "pyproject.toml",
    ):
        assert os.path.exists(os.path.join(REPO, addon, path)), f"{addon}: {path} missing"


@pytest.mark.parametrize("addon", BRIDGES)
def test_bridges_install_where_their_modules_are(addon):
    data = manifest(addon)
    assert data["auto_install"] is True
    assert data["version"] == "19.0.1.0.0"


@pytest.mark.parametrize("addon", ADDONS)
def test_every_test_module_is_imported(addon):
    """Odoo runs only the test modules an addon's ``tests/__init__.py`` imports
    (``odoo -i <addon> --test-enable``, as OCA's CI does); pytest-odoo would
    run the others too and hide the gap."""
    folder = os.path.join(REPO, addon, "tests")
    if not os.path.isdir(folder):
        return
    with open(os.path.join(folder, "__init__.py"), encoding="utf-8") as handle:
        imported = set(re.findall(r"^from \. import (\w+)$", handle.read(), re.M))
    modules = {
        name[:-3]
        for name in os.listdir(folder)
        if name.startswith("test_") and name.endswith(".py")
    }
    assert not modules - imported, f"{addon}: not imported: {sorted(modules - imported)}"
    assert not imported - modules, f"{addon}: imported but missing: {sorted(imported - modules)}"
