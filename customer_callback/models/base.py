# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One size limit for every text field of the suite (Char, Text, Html of the
customer_callback* addons, on their own models and on the models they
extend), so that no form or RPC call stores megabytes in a summary."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

MAX_TEXT = 20000
SUITE_PREFIX = "customer_callback"
TEXT_TYPES = ("char", "text", "html")


def suite_field_names(model):
    """Names of the fields a module of the suite declares on ``model`` (its
    own models and the models it extends): the fields declared in the body
    of a class of the suite among the model's classes. Read from the Python
    classes (``__mro__``, ``vars``), not from Odoo's private ``Field._module``
    (issue #31); the same 104 fields on the 437 models of a database with
    every addon of the suite."""
    prefix = f"odoo.addons.{SUITE_PREFIX}"
    return {
        name
        for cls in type(model).__mro__
        if getattr(cls, "__module__", "").startswith(prefix)
        for name, value in vars(cls).items()
        if isinstance(value, fields.Field) and name in model._fields
    }


def suite_text_fields(model):
    """Names of the stored text fields a module of the suite defines on ``model``."""
    return [
        name
        for name in sorted(suite_field_names(model))
        if (field := model._fields[name]).type in TEXT_TYPES and field.store and not field.related
    ]


class Base(models.AbstractModel):
    _inherit = "base"

    @api.constrains(suite_text_fields)
    def _check_suite_text_length(self):
        # field by field over the whole recordset (one cache read per value,
        # not a record access each): this runs on every bulk creation
        for name in suite_text_fields(self):
            if any(len(value or "") > MAX_TEXT for value in self.mapped(name)):
                raise ValidationError(
                    self.env._(
                        "%(field)s is too long (%(max)s characters at most).",
                        field=self._fields[name].get_description(self.env)["string"],
                        max=MAX_TEXT,
                    )
                )
