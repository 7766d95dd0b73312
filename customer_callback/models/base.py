# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One size limit for every text field of the suite (Char, Text, Html of the
customer_callback* addons, on their own models and on the models they
extend), so that no form or RPC call stores megabytes in a summary."""

from odoo import api, models
from odoo.exceptions import ValidationError

MAX_TEXT = 20000
SUITE_PREFIX = "customer_callback"
TEXT_TYPES = ("char", "text", "html")


def suite_text_fields(model):
    """Names of the stored text fields a module of the suite defines on ``model``."""
    return [
        name
        for name, field in model._fields.items()
        if field.type in TEXT_TYPES
        and field.store
        and not field.related
        and (field._module or "").startswith(SUITE_PREFIX)
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
