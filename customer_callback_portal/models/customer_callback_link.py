# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's personal link (issue #20): one per customer, company and
purpose, unguessable, expiring, revocable. It opens the public page where
the customer states his say (``controllers/main.py``).

The token is ``<link id>.<signature>``: the signature is an HMAC (Odoo's
``tools.hmac``, keyed by the database secret) of the link id and a random
per-link secret (``secrets.token_urlsafe``). The same link can be put in
every message sent while it is valid without keeping the token itself;
a wrong, tampered, expired or revoked token opens nothing, the signature
being compared in constant time (``tools.consteq``)."""

import secrets
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import consteq, hmac

from odoo.addons.customer_callback.tools import call_window
from odoo.addons.customer_callback.tools import consent as consent_tools
from odoo.addons.customer_callback.upgrade.addon_move import load_noupdate_defaults

from .customer_callback_data_request import CLOSED_STATES as DATA_REQUEST_CLOSED_STATES

HMAC_SCOPE = "customer_callback.personal_link"
# The channels a customer chooses on his page (a contact detail he has).
PAGE_CHANNELS = ("phone", "sms", "email", "im")
OPEN_STATES = ("draft", "planned", "in_progress")
# the addon's default records (noupdate), loaded by _portal_load_defaults
# (data/customer_callback_portal_defaults.xml)
DEFAULTS = ("data/defaults/mail_template_data.xml",)
PURPOSES = [("contact", "Contact preferences"), ("survey", "Satisfaction surveys")]


class CustomerCallbackLink(models.Model):
    _name = "customer.callback.link"
    _description = "Customer Personal Link"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    # a customer of one company gets links of that company only (a shared
    # customer, without company, gets links of any company)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    purpose = fields.Selection(PURPOSES, required=True, default="contact")
    secret = fields.Char(
        required=True,
        copy=False,
        groups="base.group_system",
        default=lambda self: secrets.token_urlsafe(32),
    )
    expiry_date = fields.Datetime(string="Expires on", required=True, readonly=True)
    revoked_date = fields.Datetime(string="Revoked on", readonly=True, copy=False)
    revoked_by_id = fields.Many2one("res.users", string="Revoked by", readonly=True, copy=False)
    last_used_date = fields.Datetime(string="Last opened", readonly=True, copy=False)
    state = fields.Selection(
        [("valid", "Valid"), ("expired", "Expired"), ("revoked", "Revoked")],
        compute="_compute_state",
    )

    # one valid link per customer, company and purpose: a new one revokes the old
    _one_open_link = models.UniqueIndex(
        "(partner_id, company_id, purpose) WHERE revoked_date IS NULL",
        "A customer has one personal link per purpose: revoke it before creating another.",
    )

    @api.model
    def _portal_load_defaults(self):
        """Load the addon's default records (``DEFAULTS``: the personal link's
        mail) as an update loads noupdate data: an administrator's wording of
        the mail is kept where the core's upgrade moved it here (19.0.3.0.0;
        Odoo installs this addon in that run, in init mode, because the survey
        addon now depends on it)."""
        return load_noupdate_defaults(self.env, "customer_callback_portal", DEFAULTS)

    @api.depends("expiry_date", "revoked_date")
    def _compute_state(self):
        now = fields.Datetime.now()
        for link in self:
            if link.revoked_date:
                link.state = "revoked"
            elif link.expiry_date and link.expiry_date <= now:
                link.state = "expired"
            else:
                link.state = "valid"

    @api.depends("partner_id", "purpose")
    def _compute_display_name(self):
        purposes = dict(self._fields["purpose"]._description_selection(self.env))
        for link in self:
            link.display_name = f"{link.partner_id.display_name} – {purposes.get(link.purpose)}"

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if not self.env.su:
                # the validity is the company's setting, not the sender's choice
                vals.pop("expiry_date", None)
            if not vals.get("expiry_date"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["expiry_date"] = now + timedelta(days=company.callback_link_days)
        # A link revoked in this transaction (an expired one replaced, a
        # revocation then a new link) is only marked in the cache until the
        # ORM flushes it, while the INSERT below goes to the database at
        # once: the revocation must reach it first, or the new link meets
        # the old one in the unique index ``_one_open_link``. (The index
        # cannot leave expired links out instead: a partial index may not
        # depend on now().)
        self.flush_model(["revoked_date"])
        links = super().create(vals_list)
        for link in links:
            link.partner_id._message_log(
                body=self.env._(
                    "Personal link (%(purpose)s) created by %(user)s, valid until %(date)s.",
                    purpose=dict(link._fields["purpose"]._description_selection(self.env))[
                        link.purpose
                    ],
                    user=self.env.user.name,
                    # in the reader's time (the user's, else the company's), zone named
                    date=call_window.format_local(
                        link.expiry_date,
                        self.env.context.get("tz")
                        or self.env.user.tz
                        or link.company_id._callback_tz(),
                    ),
                )
            )
        return links

    def write(self, vals):
        if set(vals) - {"revoked_date", "revoked_by_id", "last_used_date"}:
            raise UserError(self.env._("A personal link cannot be changed: revoke it instead."))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Tokens
    # ------------------------------------------------------------------

    def _token(self):
        self.ensure_one()
        link = self.sudo()
        return f"{link.id}.{hmac(link.env, HMAC_SCOPE, f'{link.id}.{link.secret}')}"

    def _url(self):
        self.ensure_one()
        return f"{self.get_base_url()}/callback/my/{self._token()}"

    @api.model
    def _from_token(self, token):
        """The valid link of ``token`` (as superuser), else an empty recordset;
        never says why."""
        empty = self.sudo().browse()
        link_id, _dot, signature = (token or "").partition(".")
        if not link_id.isdigit() or not signature or len(token) > 200:
            return empty
        link = self.sudo().browse(int(link_id)).exists()
        if not link:
            return empty
        expected = hmac(link.env, HMAC_SCOPE, f"{link.id}.{link.secret}")
        if not consteq(signature, expected) or link.state != "valid":
            return empty
        if not link._company_matches():
            # the customer is (now) another company's: this company's page
            # would show him under its name and record his say for it
            return empty
        return link

    def _company_matches(self):
        """Whether the link's company may serve its customer: a customer of
        no company (shared) or of the link's company."""
        self.ensure_one()
        partner_company = self.partner_id.company_id
        return not partner_company or partner_company == self.company_id

    @api.model
    def _for_partner(self, partner, purpose="contact", company=None):
        """The customer's valid link for ``purpose`` (created when missing or
        no longer valid), as superuser: messages put its URL in."""
        company = company or partner.company_id or self.env.company
        Link = self.sudo()
        link = Link.search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("purpose", "=", purpose),
                ("revoked_date", "=", False),
            ],
            limit=1,
        )
        if link and link.state == "valid":
            return link
        if link:
            # expired: closed, a fresh one replaces it
            link.write({"revoked_date": fields.Datetime.now()})
        return Link.create({"partner_id": partner.id, "company_id": company.id, "purpose": purpose})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_revoke(self):
        """Revoke the links: their URL opens nothing any more."""
        self.check_access("read")
        now = fields.Datetime.now()
        for link in self.filtered(lambda link: not link.revoked_date).sudo():
            link.write({"revoked_date": now, "revoked_by_id": self.env.user.id})
            link.partner_id._message_log(
                body=self.env._("Personal link revoked by %s.", self.env.user.name)
            )
        return True

    def action_send_to_customer(self):
        """Post the link to the customer (e-mail through the chatter)."""
        self.check_access("read")
        for link in self.sudo():
            partner = link.partner_id
            body = link.with_context(lang=partner.lang).env._(
                "Choose when and how we may contact you, stop our calls or surveys, or ask "
                "for your data on your personal page: %s",
                link._url(),
            )
            partner.message_post(
                body=body,
                partner_ids=partner.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
        return True

    # ------------------------------------------------------------------
    # What the customer does on his page (as superuser, link checked by
    # the controller). Every change is a ledger line (source: customer) and
    # a note in the customer's chatter.
    # ------------------------------------------------------------------

    def _customer_env(self):
        self.ensure_one()
        return self.sudo().with_context(lang=self.partner_id.lang or "en_US")

    def _customer_log(self, body):
        self.partner_id.sudo()._message_log(body=body)

    def _customer_record(self, vals_list, text):
        self.ensure_one()
        self.env["customer.callback.consent"].sudo().create(
            [
                dict(
                    {
                        "partner_id": self.partner_id.id,
                        "company_id": self.company_id.id,
                        "source": "customer",
                        "user_id": False,
                        "text": text,
                    },
                    **vals,
                )
                for vals in vals_list
            ]
        )

    def _customer_windows(self):
        return self.company_id._callback_windows()

    def _customer_set_preferences(self, days, slot, channel):
        """The customer's days (weekdays, 0 = Monday), slot of the day
        (morning/afternoon/evening or empty) and channel."""
        link = self._customer_env()
        env = link.env
        days = consent_tools.parse_days(",".join(str(day) for day in days or ()))
        if channel and channel not in PAGE_CHANNELS:
            raise ValidationError(env._("Unknown channel."))
        preferred_time = None
        if slot:
            if slot not in call_window.SLOTS:
                raise ValidationError(env._("Unknown time of day."))
            preferred_time = call_window.slot_start(
                link._customer_windows(), slot, link.company_id._callback_slot_bounds()
            )
            if preferred_time is None:
                raise ValidationError(env._("We do not call at that time of day."))
        text = env._("Preferences chosen by the customer on his personal page.")
        vals = {
            "purpose": consent_tools.PREFERENCE,
            "decision": consent_tools.GIVEN,
            "channel": channel or False,
            "preferred_time": preferred_time or 0.0,
            "preferred_days": consent_tools.format_days(days) or False,
        }
        lines = [vals]
        if channel:
            # choosing a channel is agreeing to be contacted by it
            lines.append(
                {
                    "purpose": consent_tools.CONTACT,
                    "decision": consent_tools.GIVEN,
                    "channel": channel,
                }
            )
        link._customer_record(lines, text)
        link._customer_log(
            env._("The customer chose his contact preferences on his personal page.")
        )

    def _customer_ask_callback(self, local_moment):
        """A callback at ``local_moment`` (naive, the customer's timezone):
        his open callback moves there, or one is planned. Returns it."""
        link = self._customer_env()
        env = link.env
        partner, company = link.partner_id, link.company_id
        tz_name = partner.tz or company._callback_tz()
        zone = call_window.get_zone(tz_name)
        moment = call_window.to_utc_naive(local_moment.replace(tzinfo=zone))
        now = fields.Datetime.now()
        if moment <= now:
            raise ValidationError(env._("Please choose a time in the future."))
        if moment > now + timedelta(days=60):
            raise ValidationError(env._("Please choose a time within the next two months."))
        checker = company._callback_holiday_checker(moment.date(), country=partner.country_id)
        if not call_window.is_in_window(moment, tz_name, company._callback_windows(), checker):
            raise ValidationError(env._("We do not call at that time: please choose another."))
        if not partner._callback_consents()[partner.id].may_contact("phone"):
            raise ValidationError(env._("You asked us not to call you: allow calls again first."))
        Callback = env["customer.callback"]
        callback = Callback.search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("state", "in", OPEN_STATES),
            ],
            # the next call moves to the customer's moment: the page then
            # announces the call he asked for (#29 point 4)
            order="planned_date, id",
            limit=1,
        )
        label = call_window.format_local(moment, tz_name)
        if callback:
            vals = {"planned_date": moment}
            if callback.deadline and moment.date() > callback.deadline:
                vals["deadline"] = moment.date()
            if callback.state == "draft":
                vals["state"] = "planned"
            callback.write(vals)
        else:
            callback = Callback._plan_callbacks(
                [
                    {
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "planned_date": moment,
                        "channel": "phone",
                        # his own request: not counted toward his contact-fatigue cap
                        "segment": "customer_request",
                        "summary": env._("The customer asked to be called back."),
                    }
                ],
                fatigue_exempt=True,
            )
            # planned at the customer's moment, not at the window's first free minute
            callback.write({"planned_date": moment})
        callback.message_post(
            body=env._("The customer asked on his personal page to be called at %s.", label),
            subtype_xmlid="mail.mt_note",
        )
        link._customer_log(env._("The customer asked to be called at %s.", label))
        return callback

    def _customer_stop(self, scope):
        """Stop contacting the customer: ``all`` or only ``survey``."""
        link = self._customer_env()
        env = link.env
        if scope == "all":
            purpose, body = consent_tools.CONTACT, env._("The customer asked not to be contacted.")
        elif scope == "survey":
            purpose, body = consent_tools.SURVEY, env._("The customer withdrew consent to surveys.")
        else:
            raise ValidationError(env._("Unknown choice."))
        link._customer_record(
            [{"purpose": purpose, "decision": consent_tools.WITHDRAWN}],
            env._("Withdrawn by the customer on his personal page."),
        )
        link._customer_log(body)

    def _customer_allow(self, scope):
        """Allow contacts (``all``) or surveys again."""
        link = self._customer_env()
        env = link.env
        purpose = consent_tools.CONTACT if scope == "all" else consent_tools.SURVEY
        link._customer_record(
            [{"purpose": purpose, "decision": consent_tools.GIVEN}],
            env._("Given by the customer on his personal page."),
        )
        link._customer_log(env._("The customer allowed contacts again on his personal page."))

    def _customer_withdraw_recording(self):
        link = self._customer_env()
        env = link.env
        link._customer_record(
            [{"purpose": consent_tools.RECORDING, "decision": consent_tools.WITHDRAWN}],
            env._("Withdrawn by the customer on his personal page."),
        )
        link._customer_log(env._("The customer withdrew consent to call recording."))

    def _customer_request(self, kind, note=""):
        """An export or erasure request for the administrators; the open
        request of that kind when there is one (asked again: noted on it, no
        second request nor activity). Returns (request, True when new)."""
        link = self._customer_env()
        env = link.env
        if kind not in ("export", "erase"):
            raise ValidationError(env._("Unknown request."))
        note = (note or "")[:2000]
        Request = env["customer.callback.data.request"]
        request = Request.search(
            [
                ("partner_id", "=", link.partner_id.id),
                ("company_id", "=", link.company_id.id),
                ("kind", "=", kind),
                ("state", "not in", DATA_REQUEST_CLOSED_STATES),
            ],
            order="id",
            limit=1,
        )
        if request:
            request.message_post(
                body=env._("The customer asked again on his personal page.")
                + (Markup("<br/>") + note if note else ""),
                subtype_xmlid="mail.mt_note",
            )
            return request, False
        request = Request.create(
            {
                "partner_id": link.partner_id.id,
                "company_id": link.company_id.id,
                "kind": kind,
                "note": note,
            }
        )
        link._customer_log(
            env._("The customer asked for %s on his personal page.", request.display_name)
        )
        return request, True

    def _customer_summary(self):
        """What the page shows: the customer's say and what the company holds."""
        link = self._customer_env()
        partner, company = link.partner_id, link.company_id
        tz_name = partner.tz or company._callback_tz()
        consent = partner._callback_consents()[partner.id]
        callbacks = (
            link.env["customer.callback"]
            .with_context(active_test=False)
            .search([("partner_id", "=", partner.id), ("company_id", "=", company.id)])
        )
        # a call the customer's say forbids is no call planned for him
        # the next call, not the latest planned one (#29 point 4)
        open_callback = callbacks.filtered(
            lambda cb: cb.state in OPEN_STATES and consent.may_contact(cb.channel)
        ).sorted(lambda cb: (not cb.planned_date, cb.planned_date or fields.Datetime.now()))[:1]
        done = callbacks.filtered(lambda cb: cb.state == "done")
        return {
            "consent": consent,
            # the slot of the day the customer chose, shown selected (#29 point 3)
            "slot": consent.preferred_time
            and call_window.slot_of(consent.preferred_time, company._callback_slot_bounds()),
            "tz_name": tz_name,
            "callback_count": len(callbacks),
            "done_count": len(done),
            "last_done": done.filtered("done_date")
            and call_window.format_local(
                max(done.filtered("done_date").mapped("done_date")), tz_name
            ),
            "open_callback": open_callback,
            "open_planned": open_callback.planned_date
            and call_window.format_local(open_callback.planned_date, tz_name),
            # each window as 09:00–12:00; the page lists them as its language does
            "windows": {
                kind: [
                    "{}–{}".format(
                        *(call_window.hour_to_time(hour).strftime("%H:%M") for hour in window)
                    )
                    for window in windows
                ]
                for kind, windows in link._customer_windows().items()
            },
            "requests": link.env["customer.callback.data.request"].search(
                [("partner_id", "=", partner.id), ("company_id", "=", company.id)]
            ),
        }
