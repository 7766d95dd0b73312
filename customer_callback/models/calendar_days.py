# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The company's holiday checker keeps the calendar days it computed
(``res.company._callback_calendar_days``): a change to a working-time
calendar, its hours, its time off or its make-up workdays makes them stale.

``clears_calendar_days`` gives a model the create, write and unlink that
forget them first. A plain function rather than a mixin: a mixin in a list
``_inherit`` needs an explicit ``_name`` and brings its description into
the addon's translations."""

from odoo import api


def clears_calendar_days(model_class):
    """Class decorator of an Odoo model (``_inherit`` or ``_name``): its
    create, write and unlink clear the holiday checker's calendar days, then
    do what they did."""

    @api.model_create_multi
    def create(self, vals_list):
        self.env["res.company"]._callback_clear_calendar_days()
        return super(model_class, self).create(vals_list)

    def write(self, vals):
        self.env["res.company"]._callback_clear_calendar_days()
        return super(model_class, self).write(vals)

    def unlink(self):
        self.env["res.company"]._callback_clear_calendar_days()
        return super(model_class, self).unlink()

    for method in (create, write, unlink):
        if method.__name__ in vars(model_class):
            raise TypeError(f"{model_class.__name__} defines {method.__name__} itself")
        method.__qualname__ = f"{model_class.__qualname__}.{method.__name__}"
        setattr(model_class, method.__name__, method)
    return model_class
