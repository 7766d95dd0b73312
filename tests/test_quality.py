# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The repository passes the checks of OCA's addons repository template for
19.0 that .pre-commit-config.yaml configures, run here as pre-commit would run
them but without network (pre-commit clones its hooks; CI machines cannot):
ruff (lint and format), pylint-odoo with .pylintrc-mandatory,
oca-checks-odoo-module and oca-checks-po (oca-odoo-pre-commit-hooks),
prettier --check (with @prettier/plugin-xml) and eslint. The files each tool
sees, its arguments and its versions are those of .pre-commit-config.yaml
(its exclude and each hook's files and args), requirements.txt and
package.json: nothing is skipped, a missing tool fails with how to install it.
"""

import functools
import os
import re
import shutil
import subprocess
import sys

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NODE_BIN = os.path.join(REPO, "node_modules", ".bin")
NODE_INSTALL = (
    "the node tools of package.json (prettier, @prettier/plugin-xml, eslint and its "
    "plugins) are not installed: run `npm ci` in the repository (Node.js 20 or newer; "
    "bin/test and .ci/run do it when npm is there)"
)
PIP_INSTALL = "pip install -r requirements.txt"


def _addons():
    """Every addon of the repository, and the test-only addons of tests/addons."""
    found = []
    for parent in (REPO, os.path.join(REPO, "tests", "addons")):
        for name in sorted(os.listdir(parent)):
            if os.path.isfile(os.path.join(parent, name, "__manifest__.py")):
                found.append(os.path.relpath(os.path.join(parent, name), REPO))
    return found


ADDONS = _addons()


def run(*command):
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


@functools.cache
def _pre_commit():
    with open(os.path.join(REPO, ".pre-commit-config.yaml"), encoding="utf-8") as config:
        return yaml.safe_load(config)


def _hook(hook_id, args=None):
    """The hook of .pre-commit-config.yaml with this id (and these args)."""
    for repo in _pre_commit()["repos"]:
        for hook in repo["hooks"]:
            if hook["id"] == hook_id and (args is None or hook.get("args") == args):
                return hook
    raise AssertionError(f".pre-commit-config.yaml has no {hook_id} hook")


@functools.cache
def _repository_files():
    """The files pre-commit would check (tracked, or new and not ignored)."""
    listed = run("git", "ls-files", "--cached", "--others", "--exclude-standard")
    assert listed.returncode == 0, listed.stderr
    exclude = re.compile(_pre_commit()["exclude"])
    return tuple(
        path
        for path in sorted(set(listed.stdout.splitlines()))
        if os.path.isfile(os.path.join(REPO, path)) and not exclude.search(path)
    )


def _hook_files(hook_id, default=r".*"):
    hook = _hook(hook_id)
    files = re.compile(hook.get("files", default))
    exclude = re.compile(hook["exclude"]) if hook.get("exclude") else None
    return [
        path
        for path in _repository_files()
        if files.search(path) and not (exclude and exclude.search(path))
    ]


def _tool(name, install):
    path = shutil.which(name)
    assert path, f"{name} is missing: {install}"
    return path


def _node_tool(name):
    path = os.path.join(NODE_BIN, name)
    assert os.access(path, os.X_OK), f"{name}: {NODE_INSTALL}"
    return path


def test_ruff_lint_clean():
    result = run(_tool("ruff", PIP_INSTALL), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_clean():
    result = run(_tool("ruff", PIP_INSTALL), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_addon_is_linted():
    """A new addon cannot escape the checks below (a hand-kept list once missed one)."""
    assert "customer_callback" in ADDONS
    assert "tests/addons/customer_callback_test_extension" in ADDONS
    assert len(ADDONS) >= 28, ADDONS


def test_pylintrc_mandatory_is_the_pre_commit_ones():
    """pre-commit blocks on .pylintrc-mandatory; .pylintrc (optional checks too)
    only reports (--exit-zero), as in OCA's template."""
    assert _hook("pylint_odoo", ["--rcfile=.pylintrc-mandatory"])
    assert "--exit-zero" in _hook("pylint_odoo", ["--rcfile=.pylintrc", "--exit-zero"])["args"]


def test_pylint_odoo_mandatory_clean():
    """Every addon in one run (one pylint process per addon took four times as long)."""
    result = run(sys.executable, "-m", "pylint", "--rcfile=.pylintrc-mandatory", *ADDONS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pylint_odoo_mandatory_clean_outside_addons():
    """The repository's other Python (bin/, .ci/, tests/: scripts, the benchmark,
    the simulation, the upgrade checks), which the pre-commit hook lints too."""
    outside = [
        path
        for path in _repository_files()
        if path.endswith(".py") and not any(path.startswith(addon + "/") for addon in ADDONS)
    ]
    assert "conftest.py" in outside and "tests/test_quality.py" in outside
    result = run(sys.executable, "-m", "pylint", "--rcfile=.pylintrc-mandatory", *outside)
    assert result.returncode == 0, result.stdout + result.stderr


def test_oca_checks_odoo_module_clean():
    hook = _hook("oca-checks-odoo-module")
    tool = _tool("oca-checks-odoo-module", PIP_INSTALL)
    files = _hook_files("oca-checks-odoo-module")
    assert sum(path.endswith("__manifest__.py") for path in files) == len(ADDONS)
    result = run(tool, *hook.get("args", []), *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_oca_checks_odoo_module_finds_addons_from_their_files(tmp_path):
    """The check above sees findings when it is given an addon's files as
    pre-commit gives them (a deprecated <data> node, fixed in this repository)."""
    addon = tmp_path / "some_addon"
    (addon / "data").mkdir(parents=True)
    (addon / "__init__.py").write_text("")
    (addon / "__manifest__.py").write_text(
        repr({"name": "Some addon", "license": "AGPL-3", "data": ["data/some.xml"]})
    )
    (addon / "data" / "some.xml").write_text(
        '<?xml version="1.0" encoding="utf-8" ?>\n<odoo>\n    <data noupdate="1" />\n</odoo>\n'
    )
    result = subprocess.run(
        [_tool("oca-checks-odoo-module", PIP_INSTALL), "__manifest__.py", "data/some.xml"],
        cwd=addon,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert "xml-deprecated-data-node" in result.stdout + result.stderr


def test_oca_checks_po_clean():
    hook = _hook("oca-checks-po")
    po_files = [path for path in _hook_files("oca-checks-po") if path.endswith((".po", ".pot"))]
    assert len(po_files) >= 2 * 27, po_files
    result = run(_tool("oca-checks-po", PIP_INSTALL), *hook["args"], *po_files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_prettier_clean():
    hook = _hook("prettier")
    files = _hook_files("prettier")
    assert any(path.endswith(".xml") for path in files) and any(
        path.endswith(".js") for path in files
    )
    # pre-commit's --write --list-different, read-only: --check
    args = [arg for arg in hook["args"] if arg not in ("--write", "--list-different")]
    result = run(_node_tool("prettier"), "--check", *args, *files)
    assert result.returncode == 0, (
        "Not formatted as OCA's prettier configuration wants (run "
        "`node_modules/.bin/prettier --write FILE...`, or pre-commit):\n"
        + result.stdout
        + result.stderr
    )


def test_eslint_clean():
    files = [path for path in _hook_files("eslint") if path.endswith(".js")]
    assert files
    # pre-commit's eslint fixes what it can and shows the warnings; here
    # nothing is fixed and a warning counts as a finding
    result = run(_node_tool("eslint"), "--max-warnings=0", *files)
    assert result.returncode == 0, result.stdout + result.stderr
