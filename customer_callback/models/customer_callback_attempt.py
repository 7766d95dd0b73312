# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import call_window
from .customer_callback_rule import CHANNELS

RESULTS = [
    ("connected", "Connected"),
    ("no_answer", "No answer"),
    ("busy", "Busy"),
    ("switched_off", "Switched off / out of service"),
    ("declined", "Declined"),
    ("hung_up", "Hung up after connecting"),
    ("message_sent", "Message sent"),
]
# A clock a few minutes fast on an agent's machine is not "the future".
FUTURE_TOLERANCE = timedelta(minutes=5)


class CustomerCallbackAttempt(models.Model):
    _name = "customer.callback.attempt"
    _description = "Callback Contact Attempt"
    _order = "attempt_date desc, id desc"
    _rec_name = "result"

    callback_id = fields.Many2one(
        "customer.callback", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="callback_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="callback_id.partner_id", string="Customer")
    attempt_date = fields.Datetime(required=True, default=fields.Datetime.now, string="Date")
    channel = fields.Selection(CHANNELS, required=True, default="phone")
    result = fields.Selection(RESULTS, required=True)
    note = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Agent", default=lambda self: self.env.user, index=True
    )
    slot = fields.Selection(
        [
            (s, label)
            for s, label in zip(call_window.SLOTS, ("Morning", "Afternoon", "Evening"), strict=True)
        ],
        compute="_compute_slot",
        store=True,
        help="Period of the customer's day the attempt fell in.",
    )
    in_window = fields.Boolean(string="In call window", compute="_compute_slot", store=True)

    @api.depends("attempt_date", "callback_id")
    def _compute_slot(self):
        # The holiday calendar is read once per company and day, not per attempt.
        checkers = {}
        for attempt in self:
            callback = attempt.callback_id
            if not attempt.attempt_date or not callback:
                attempt.slot = False
                attempt.in_window = False
                continue
            company = callback.company_id
            tz_name = callback._tz()
            day = attempt.attempt_date.date()
            country = callback.partner_id.country_id
            key = (company.id, day, country.id)
            if key not in checkers:
                checkers[key] = company._callback_holiday_checker(day, days=2, country=country)
            attempt.slot = call_window.slot_at(
                attempt.attempt_date, tz_name, company._callback_slot_bounds()
            )
            attempt.in_window = call_window.is_in_window(
                attempt.attempt_date,
                tz_name,
                company._callback_windows(),
                checkers[key],
            )

    @api.constrains("attempt_date")
    def _check_attempt_date(self):
        now = fields.Datetime.now()
        for attempt in self:
            if attempt.attempt_date > now + FUTURE_TOLERANCE:
                raise ValidationError(
                    self.env._(
                        "An attempt cannot be dated in the future (%s).",
                        call_window.format_local(
                            attempt.attempt_date,
                            self.env.context.get("tz") or self.env.user.tz,
                        ),
                    )
                )
            partner = attempt.callback_id.partner_id
            if partner.create_date and attempt.attempt_date < partner.create_date - timedelta(
                days=1
            ):
                raise ValidationError(
                    self.env._(
                        "An attempt cannot be dated before the customer %s was registered.",
                        partner.display_name,
                    )
                )

    @api.constrains("note")
    def _check_note(self):
        for attempt in self:
            if len(attempt.note or "") > 5000:
                raise ValidationError(self.env._("An attempt note is limited to 5000 characters."))

    @api.model_create_multi
    def create(self, vals_list):
        # whatever the path (the form's buttons, the attempts list, RPC, an
        # import), no attempt by a channel the customer withdrew
        channels = defaultdict(set)
        for vals in vals_list:
            if vals.get("callback_id"):
                channels[vals["callback_id"]].add(
                    vals.get("channel") or self._fields["channel"].default(self)
                )
        self.env["customer.callback"].browse(list(channels))._check_contact_consent(channels)
        attempts = super().create(vals_list)
        attempts.callback_id._apply_attempt_policy()
        return attempts
