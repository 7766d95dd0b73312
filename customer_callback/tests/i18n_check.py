# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Translation completeness, shared by the suite's addons' tests."""

import io
import os

import polib

from odoo.modules.module import get_module_path
from odoo.tools.translate import trans_export


def exported_template(env, module):
    """The .pot Odoo exports for ``module`` from the installed database."""
    buffer = io.BytesIO()
    trans_export(None, [module], buffer, "po", env)
    return polib.pofile(buffer.getvalue().decode())


def check_module_translations(case, module, lang="zh_CN"):
    exported = exported_template(case.env, module)
    wanted = {(entry.msgctxt, entry.msgid) for entry in exported}
    i18n = os.path.join(get_module_path(module), "i18n")
    pot = polib.pofile(os.path.join(i18n, f"{module}.pot"))
    committed = {(entry.msgctxt, entry.msgid) for entry in pot}
    missing_pot = sorted(msgid for _ctx, msgid in wanted - committed)
    stale_pot = sorted(msgid for _ctx, msgid in committed - wanted)
    case.assertFalse(
        missing_pot or stale_pot,
        f"i18n/{module}.pot is stale: re-export it (odoo i18n export). "
        f"Missing: {missing_pot[:10]} Obsolete: {stale_pot[:10]}",
    )
    po = polib.pofile(os.path.join(i18n, f"{lang}.po"))
    translated = {
        (entry.msgctxt, entry.msgid)
        for entry in po
        if entry.msgstr.strip() and "fuzzy" not in entry.flags and not entry.obsolete
    }
    untranslated = sorted(msgid for _ctx, msgid in wanted - translated)
    case.assertFalse(
        untranslated,
        f"{len(untranslated)} terms of {module} have no {lang} translation, e.g. {untranslated[:10]}",  # noqa: E501
    )
