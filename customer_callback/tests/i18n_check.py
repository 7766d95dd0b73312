# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Translation completeness, shared by the suite's addons' tests."""

import io
import os
import re

import polib
from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tools import html2plaintext
from odoo.tools.translate import trans_export

SUITE_MODULES = (
    "customer_callback",
    "customer_callback_complaint",
    "customer_callback_complaint_report",
    "customer_callback_complaint_sms",
    "customer_callback_term",
    "customer_callback_portal",
    "customer_callback_sale",
    "customer_callback_survey",
    "customer_callback_report",
    "customer_callback_term_report",
    "customer_callback_survey_report",
    "customer_callback_sale_report",
)
# The helpdesk app the suite's complaints and tickets live in: its backend
# screens are the agents' screens too, so its terms must read in Chinese.
FOREIGN_MODULES = ("helpdesk_mgmt",)
# Records of these models are what users pick and read (stages in the status
# bar, teams, categories, channels, tags, activity types, grades, rules...).
DATA_MODELS = (
    "helpdesk.ticket.stage",
    "helpdesk.ticket.team",
    "helpdesk.ticket.category",
    "helpdesk.ticket.channel",
    "helpdesk.ticket.tag",
    "mail.activity.type",
    "ir.actions.act_window",
    "ir.actions.server",
    "ir.ui.menu",
    "res.groups",
    "res.groups.privilege",
    # the chatter's line for a ticket created, a stage changed... (#29)
    "mail.message.subtype",
)
# Terms that read the same in every language: brands, codes, formats.
SAME_IN_ALL_LANGUAGES = frozenset(
    {
        "ID",
        "Odoo",
        "SMS",
        "VIP",
    }
)
# Terms shown by the web client's JavaScript on the suite's screens.
# Odoo's own zh_CN leaves them empty; i18n_extra/zh_CN.po fills them.
WEB_CLIENT_TERMS = (
    "Missing required fields",
    # the empty list's help (the source keeps the template's line break)
    "Try to add some records, or make sure that there is no\n"
    "                        active filter in the search bar.",
    "Try searching for another keyword",
    "Are you sure you want to delete the selected record?",
    "Are you sure you want to delete the %(nbSelected)s selected records?",
    "Are you sure you want to update %(count)s records?",
    "Among the %(total)s selected records, %(valid_count)s are valid for this update.",
    "Custom range",
    "Month to date",
    "Year to date",
    "My Preferences",
    "Caps Lock is on!",
    "Select one or several criteria",
    'Press "Enter" to add criterion',
    "between",
    "lower than",
    "greater or equal to",
    "lower or equal to",
    "Show options",
)


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
    if not case.env.ref(f"base.module_{module}").demo:
        # The .pot is exported with the demo data, as OCA's translation bot
        # does: installed without it (``odoo -i``), its demo terms are absent.
        stale_pot = []
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


def load_language(env, lang):
    """Activate ``lang`` and load every installed module's translations for
    it, as Odoo does when a language is added in Settings (this reads each
    module's ``i18n/`` and ``i18n_extra/`` files)."""
    env["res.lang"]._activate_lang(lang)
    modules = env["ir.module.module"].search([("state", "=", "installed")])
    modules._update_translations(lang)


def _records_of(env, modules, model):
    data = env["ir.model.data"].search([("module", "in", list(modules)), ("model", "=", model)])
    return env[model].browse(data.mapped("res_id")).exists()


def _needs_translation(term):
    text = re.sub(r"<[^>]*>", "", term or "").strip()
    if not text or text in SAME_IN_ALL_LANGUAGES:
        return False
    # Numbers, placeholders and punctuation only: nothing to translate.
    return bool(re.search(r"[^\W\d_]", re.sub(r"%\(\w+\)s|\{\w+\}|%s|%d", "", text)))


def untranslated_field_terms(records, field_name, lang):
    """``(record xmlid, field, English term)`` of ``records``' translatable
    ``field_name`` terms that show in English in ``lang``."""
    missing = []
    xmlids = records.get_external_id()
    for record in records:
        translations, _context = record.get_field_translations(field_name, langs=[lang])
        for translation in translations:
            source, value = translation["source"], translation["value"]
            if _needs_translation(source) and (not value or value == source):
                missing.append((xmlids[record.id], field_name, source))
    return missing


def _view_field_names(view):
    arch = etree.fromstring(view.with_context(lang="en_US").arch_db)
    return {node.get("name") for node in arch.iter("field") if node.get("name")}


def screen_views(env, modules=SUITE_MODULES, foreign_modules=FOREIGN_MODULES):
    """The views the suite's users see: the suite's own (primary and
    extensions) and the backend views of the apps it builds on."""
    views = env["ir.ui.view"].browse()
    for view in _records_of(env, modules + foreign_modules, "ir.ui.view"):
        if view.type != "qweb":
            views |= view
    return views


def untranslated_screen_terms(env, lang="zh_CN"):
    """Every term of the suite's screens still in English in ``lang``:
    view texts, menus, actions, the labels, help and selection values of the
    fields these views show, and the records users pick (stages, teams...)."""
    missing = []
    views = screen_views(env)
    modules = SUITE_MODULES + FOREIGN_MODULES
    # View texts (labels, buttons, filters, placeholders, help blocks).
    for view in views:
        missing += untranslated_field_terms(view, "arch_db", lang)
    # Labels, tooltips and selection values of the fields on these views.
    shown = {}
    for view in views:
        shown.setdefault(view.model, set()).update(_view_field_names(view))
    for model_name, names in sorted(shown.items()):
        if model_name not in env:
            continue
        model = env[model_name]
        names = sorted(name for name in names if name in model._fields)
        english = model.with_context(lang="en_US").fields_get(
            names, ["string", "help", "selection"]
        )
        local = model.with_context(lang=lang).fields_get(names, ["string", "help", "selection"])
        for name in names:
            for attribute in ("string", "help"):
                source = english[name].get(attribute)
                if _needs_translation(source) and local[name].get(attribute) == source:
                    missing.append((f"{model_name}.{name}", attribute, source))
            field = model._fields[name]
            if field.type != "selection" or not isinstance(field.selection, list):
                continue  # computed choices (timezones, languages) are not terms
            local_labels = dict(local[name].get("selection") or [])
            for value, label in english[name].get("selection") or []:
                if _needs_translation(label) and local_labels.get(value) == label:
                    missing.append((f"{model_name}.{name}", f"selection {value}", label))
    # Records users read and pick.
    for model_name in DATA_MODELS:
        model = env[model_name]
        for field_name, field in model._fields.items():
            if field.translate and field.store:
                records = _records_of(env, modules, model_name)
                missing += untranslated_field_terms(records, field_name, lang)
    # Model names (breadcrumbs, chatter, "New ..." buttons).
    for ir_model in env["ir.model"].search([("model", "in", sorted(shown))]):
        if ir_model.with_context(lang=lang).name == ir_model.with_context(lang="en_US").name:
            missing.append((ir_model.model, "model name", ir_model.name))
    return sorted(set(missing))


def untranslated_web_client_terms(env, lang="zh_CN", terms=WEB_CLIENT_TERMS):
    """The web client's terms in ``terms`` that no installed module
    translates into ``lang`` (the client falls back on any module's
    translation of a term)."""
    modules = env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")
    per_module, _lang_params = env["ir.http"]._get_translations_for_webclient(modules, lang)
    known = {
        message["id"]: message["string"]
        for translations in per_module.values()
        for message in translations["messages"]
    }
    return [term for term in terms if known.get(term, term) == term]


# Section codes of the internal SOP documents ("002 §9.4", "003 step 5",
# "SPEC §3"): users do not have those documents, so no term may cite them.
SOP_REFERENCE = re.compile(r"§|\bSOPs?\b|\bSPEC\b|\b00\d\s+step\b")


def terms_citing_sop_sections(env, module):
    return sorted(
        entry.msgid for entry in exported_template(env, module) if SOP_REFERENCE.search(entry.msgid)
    )


# The chatter the suite writes: mail templates (theirs and helpdesk_mgmt's,
# sent and posted on tickets and callbacks), message subtypes and activity
# types (the line above each message, the activity's summary) (#29).
CHATTER_MODELS = ("mail.template", "mail.message.subtype", "mail.activity.type")
# One word for "agent" in Chinese, the role's name: 客服专员, never 坐席.
AGENT_WORD_AVOIDED = "坐席"
_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
# links, and the relative ones html2plaintext lists under the text ([1] /a/b)
_URL = re.compile(r"https?://\S+|(?<!\S)/\S+")


def untranslated_chatter_terms(env, lang="zh_CN"):
    """Terms of the chatter records of the suite and of the helpdesk app
    (template subjects and bodies, subtypes, activity types) still in English
    in ``lang``."""
    missing = []
    modules = SUITE_MODULES + FOREIGN_MODULES
    for model_name in CHATTER_MODELS:
        records = _records_of(env, modules, model_name)
        for field_name, field in env[model_name]._fields.items():
            if field.translate and field.store:
                missing += untranslated_field_terms(records, field_name, lang)
    return sorted(set(missing))


def avoided_agent_words(lang="zh_CN"):
    """``(file, msgid)`` of the suite's ``lang`` translations (its addons'
    i18n and i18n_extra) that call an agent 坐席."""
    found = []
    for module in SUITE_MODULES:
        for folder in ("i18n", "i18n_extra"):
            path = os.path.join(get_module_path(module), folder, f"{lang}.po")
            if os.path.exists(path):
                found += [
                    (f"{module}/{folder}", entry.msgid)
                    for entry in polib.pofile(path)
                    if AGENT_WORD_AVOIDED in entry.msgstr
                ]
    return found


def english_in_messages(messages, allowed=()):
    """``(message id, word)`` of the English words a Chinese reader finds in
    chatter ``messages``: their bodies, subtypes and tracked field labels.
    Links, the words in ``allowed`` (names, references) and the terms that
    read the same in every language are not English left."""
    found = []
    # sudo: tracking values are for the system to read
    for message in messages.sudo():
        texts = [
            html2plaintext(message.body or ""),
            message.subtype_id.name or "",
            *message.tracking_value_ids.mapped("field_id.field_description"),
        ]
        for text in texts:
            text = _URL.sub(" ", text)
            for word in sorted(allowed, key=len, reverse=True):
                text = text.replace(word, " ")
            found += [
                (message.id, word)
                for word in _ENGLISH_WORD.findall(text)
                if word not in SAME_IN_ALL_LANGUAGES
            ]
            if AGENT_WORD_AVOIDED in text:
                found.append((message.id, AGENT_WORD_AVOIDED))
    return found
