# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    def _tracking_value_format_model(self, model):
        """A score field where 0 means "not scored" (a model's
        ``_zero_means_unscored``) tracks a first score as "None → 5", not
        "0 → 5": the chatter shows an unscored value as empty."""
        formatted = super()._tracking_value_format_model(model)
        unscored = model and getattr(self.env[model], "_zero_means_unscored", ())
        if not unscored:
            return formatted
        by_id = {tracking.id: tracking for tracking in self}
        for values in formatted:
            tracking = by_id.get(values["id"])
            if tracking and tracking.field_id.name in unscored:
                for key in ("oldValue", "newValue"):
                    if values[key] == 0:
                        values[key] = False
        return formatted
