# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Try the callback app with sample data (issue #29 point 2).

A supervisor loads a small sample into the company's real database: a few
Chinese and English customers, a team led by her when she leads none (with
customer_callback_sale, an order whose confirmation generates callbacks:
``_sample_create_triggers``), callbacks planned today and this
week, callbacks done today (with customer_callback_complaint, a complaint
with its clocks: ``_sample_create_tickets``) and, with
customer_callback_spot_check, the month's spot-check,
ready to be drawn. All of it is created with the suite's own
methods in her company, and removed again by one action.

Tracking: every record the sample creates gets an ``ir.model.data`` row of the
module-less namespace ``customer_callback_sample`` (tools/sample_data.py says
why). What the suite later creates from sample records (callbacks generated or
drawn for a sample customer, tickets raised from sample callbacks, attempts,
consent lines, personal links) is about a fictitious customer: the removal
finds it through the sample customers and the sample spot-check and removes
it too. Nothing else is touched: a sample record a record of the user's own
still points to (a product sold on a real order, the team given real
callbacks) is kept and becomes the user's.

Numbering: callbacks of sample customers never take a number of the
company's gapless sequence; they are named ``SAMPLE-001``… (``示例-001``), so
the company's history is numbered without a gap once the sample is gone. The
sample order and complaint are named the same way.
"""

import logging

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from ..tools import sample_data

_logger = logging.getLogger(__name__)

SUPERVISOR_GROUP = "customer_callback.customer_callback_group_supervisor"
# The models the sample creates, in the order the removal deletes them
# (addons insert theirs: _sample_removal_order).
REMOVAL_ORDER = (
    "customer.callback",
    "helpdesk.ticket",
    "customer.callback.consent",
    "res.partner",
    "helpdesk.ticket.team",
)


class CustomerCallbackSample(models.AbstractModel):
    _name = "customer.callback.sample"
    _description = "Callback sample data"

    # ------------------------------------------------------------------
    # Public entry points (supervisors)
    # ------------------------------------------------------------------

    @api.model
    def get_sample_status(self):
        """Whether the current company holds sample data, and how much."""
        self._sample_check_supervisor()
        # one query (the workday reads it on every opening): a record deleted
        # takes its external identifier with it, the count is the records'
        counts = dict(
            self.env["ir.model.data"]
            .sudo()
            ._read_group(self._sample_xmlid_domain(self.env.company), ["model"], ["__count"])
        )
        customers = counts.get("res.partner", 0)
        callbacks = counts.get("customer.callback", 0)
        return {
            "loaded": bool(counts),
            "customers": customers,
            "callbacks": callbacks,
            "message": bool(counts)
            and self.env._(
                "%(customers)s fictitious customers and %(callbacks)s callbacks are mixed "
                "with your records: remove them before you start for real.",
                customers=customers,
                callbacks=callbacks,
            ),
        }

    @api.model
    def action_load_sample_data(self):
        """Load the sample into the current company; refused while one is there."""
        self._sample_check_supervisor()
        company = self.env.company
        self._sample_lock(company)
        if self._sample_tracked(company):
            raise UserError(
                self.env._(
                    "Sample data is already loaded in %s: remove it before loading it again.",
                    company.name,
                )
            )
        # after the supervisor check: the sample creates customers (and, with
        # addons, e.g. an order and a product) she may not have the rights of
        created = self.sudo().with_company(company)._sample_create(company)
        self.env.registry.clear_cache()  # the sample customers' ids (numbering)
        return self._sample_notification(
            self.env._(
                "Sample data loaded: %(customers)s customers and %(callbacks)s callbacks. "
                "Remove it from My workday when you are done.",
                customers=len(created["res.partner"]),
                callbacks=len(created.get("customer.callback", [])),
            )
        )

    @api.model
    def action_remove_sample_data(self):
        """Remove the current company's sample data (see the module's doc)."""
        self._sample_check_supervisor()
        company = self.env.company
        self._sample_lock(company)
        if not self._sample_tracked(company):
            raise UserError(self.env._("There is no sample data to remove."))
        removed, kept = self.sudo().with_company(company)._sample_remove(company)
        self.env.registry.clear_cache()
        message = self.env._("Sample data removed: %s records.", removed)
        if kept:
            message += " " + self.env._(
                "Kept because your own records use them: %s.", ", ".join(kept)
            )
        return self._sample_notification(message)

    # ------------------------------------------------------------------
    # Tracking
    # ------------------------------------------------------------------

    def _sample_check_supervisor(self):
        if not self.env.user.has_group(SUPERVISOR_GROUP):
            raise AccessError(self.env._("Only a callback supervisor can manage sample data."))

    @api.model
    def _sample_lock(self, company):
        """Serialise the loads and removals of a company's sample."""
        # SQL: a row lock held until the transaction ends (two supervisors
        # clicking at once load one sample); a read.
        self.env.cr.execute("SELECT id FROM res_company WHERE id = %s FOR UPDATE", [company.id])

    @api.model
    def _sample_prefix(self, company):
        return f"company{company.id}-"

    @api.model
    def _sample_track(self, company, records):
        """Record ``records`` as sample data of ``company``."""
        if not records:
            return
        prefix = self._sample_prefix(company)
        self.env["ir.model.data"].sudo().create(
            [
                {
                    "module": sample_data.NAMESPACE,
                    "name": f"{prefix}{records._table}-{record_id}",
                    "model": records._name,
                    "res_id": record_id,
                    "noupdate": True,
                }
                for record_id in records.ids
            ]
        )

    @api.model
    def _sample_xmlid_domain(self, company):
        return [
            ("module", "=", sample_data.NAMESPACE),
            ("name", "=like", f"{self._sample_prefix(company)}%"),
        ]

    @api.model
    def _sample_xmlids(self, company):
        return self.env["ir.model.data"].sudo().search(self._sample_xmlid_domain(company))

    @api.model
    def _sample_tracked(self, company):
        """{model: records} of the company's sample (existing records only)."""
        by_model = {}
        for row in self._sample_xmlids(company):
            by_model.setdefault(row.model, []).append(row.res_id)
        result = {}
        for model, ids in by_model.items():
            if model not in self.env:
                continue
            records = self.env[model].sudo().with_context(active_test=False).browse(ids).exists()
            if records:
                result[model] = records
        return result

    @api.model
    @tools.ormcache("company_id")
    def _sample_partner_ids(self, company_id):
        """The ids of the sample customers of a company (cached: read when a
        callback is numbered; cleared when a sample is loaded or removed)."""
        rows = (
            self.env["ir.model.data"]
            .sudo()
            .search_fetch(
                [
                    ("module", "=", sample_data.NAMESPACE),
                    ("model", "=", "res.partner"),
                    ("name", "=like", f"company{company_id}-%"),
                ],
                ["res_id"],
            )
        )
        return frozenset(rows.mapped("res_id"))

    # ------------------------------------------------------------------
    # Loading
    # ------------------------------------------------------------------

    @api.model
    def _sample_create(self, company):
        """Create the sample in ``company`` (superuser, the user's uid); returns
        {model: records} of what it created and tracks."""
        user = self.env.user
        created = {}

        def track(records):
            self._sample_track(company, records)
            created[records._name] = created.get(records._name, records.browse()) | records
            return records

        partners = track(self._sample_create_partners(company))
        self.env.registry.clear_cache()  # the numbering reads the sample customers
        team = self._sample_team(company, user)
        if not team:
            team = track(team.create(self._sample_team_vals(company, user)))
        prefix = self.env._("SAMPLE")
        # what starts the generation (customer_callback_sale: a sales order
        # confirmed, so the first-order and usage callbacks appear)
        self._sample_create_triggers(company, partners, track, prefix)
        Callback = self.env["customer.callback"]
        track(Callback.search([("partner_id", "in", partners.ids)]))
        track(self._sample_create_callbacks(company, partners, team, user))
        self._sample_create_tickets(company, partners, team, user, track, prefix)
        self._sample_create_more(company, partners, team, user, track)
        return created

    @api.model
    def _sample_create_triggers(self, company, partners, track, prefix):
        """Hook: create, for the sample customers ``partners``, the records
        whose generation makes callbacks through the cadence rules, each
        passed to ``track`` (so the removal finds it) and named with
        ``prefix`` (``sample_data.sample_name``). The core's own triggers
        need no record; addons with a trigger extend it."""
        return

    @api.model
    def _sample_doomed(self, env, partners, doomed):
        """Hook: add to ``doomed`` ({model: records}) what the suite made for
        the sample customers ``partners`` in the addon's models."""
        return doomed

    @api.model
    def _sample_unlink_prepare(self, model, records):
        """Hook: make ``records`` of ``model`` deletable before the removal
        (e.g. cancel a confirmed sales order). Returns True when the records
        are to be deleted or archived one by one instead (a record another
        record of the user's own still needs is archived and kept)."""
        return model == "res.partner"

    @api.model
    def _sample_create_partners(self, company):
        languages = {code for code, _name in self.env["res.lang"].get_installed()}
        countries = {
            country.code: country.id
            for country in self.env["res.country"].search(
                [("code", "in", [row[3] for row in sample_data.CUSTOMERS])]
            )
        }
        vals_list = []
        for name, lang, tz, country, phone, email, vip in sample_data.CUSTOMERS:
            vals = {
                "name": name,
                "company_id": company.id,
                "tz": tz,
                "country_id": countries.get(country, False),
                "phone": phone,
                "email": email or False,
                "callback_vip": vip,
            }
            if lang in languages:
                vals["lang"] = lang
            vals_list.append(vals)
        return self.env["res.partner"].create(vals_list)

    @api.model
    def _sample_team(self, company, user):
        """A team of the company the user leads, else an empty recordset
        (a team is then created for the sample)."""
        return self.env["helpdesk.ticket.team"].search(
            [("company_id", "in", [company.id, False]), ("user_id", "=", user.id)], limit=1
        )

    @api.model
    def _sample_team_vals(self, company, user):
        return {
            "name": self.env._("Callback team (sample)"),
            "company_id": company.id,
            "user_id": user.id,
            "user_ids": [fields.Command.link(user.id)],
        }

    @api.model
    def _sample_create_callbacks(self, company, partners, team, user):
        Callback = self.env["customer.callback"].with_context(tracking_disable=True)
        today = fields.Date.context_today(self)
        now = fields.Datetime.now().replace(microsecond=0)
        base = {"company_id": company.id, "user_id": user.id, "team_id": team.id or False}
        # due today: on the user's workday (created as they are, planned now)
        today_vals, later_vals = [], []
        for index, segment, channel, day in sample_data.OPEN_CALLBACKS:
            vals = dict(
                base,
                partner_id=partners[index].id,
                segment=segment,
                channel=channel,
            )
            if day:
                later_vals.append(
                    dict(vals, plan_start=fields.Date.add(today, days=day), deadline=False)
                )
            else:
                today_vals.append(dict(vals, planned_date=now, deadline=today, state="planned"))
        callbacks = Callback.create(today_vals)
        # later this week: placed in the customers' call windows by the planner
        callbacks |= Callback._plan_callbacks(later_vals, fatigue_exempt=True, today=today)
        done_vals = [
            dict(
                base,
                partner_id=partners[index].id,
                segment=segment,
                channel="phone",
                planned_date=now,
                deadline=today,
                state="done",
                done_date=now,
                score=score,
            )
            for index, segment, score in sample_data.DONE_CALLBACKS
        ]
        return callbacks | Callback.create(done_vals)

    @api.model
    def _sample_create_tickets(self, company, partners, team, user, track, prefix):
        """Hook: helpdesk tickets of the sample customers ``partners``, each
        passed to ``track`` and named with ``prefix`` (as
        ``_sample_create_triggers``). None here; customer_callback_complaint
        adds a complaint with its clocks."""
        return

    @api.model
    def _sample_create_more(self, company, partners, team, user, track):
        """Hook: what else the sample shows its supervisor, each record passed
        to ``track``. Nothing here; customer_callback_spot_check adds the
        month's spot-check, ready to be drawn."""
        return

    # ------------------------------------------------------------------
    # Removal
    # ------------------------------------------------------------------

    @api.model
    def _sample_partner_models(self):
        """The models whose records of the sample customers go with them (a
        hook: an addon keeping more of a customer's records adds its own)."""
        return ["customer.callback.consent"]

    @api.model
    def _sample_removal_order(self):
        """Hook: the models the removal deletes, in order: REMOVAL_ORDER, with
        the models added by ``_sample_partner_models`` after the consent
        ledger (before the customers they point to); addons insert the models
        their ``_sample_create_triggers`` creates."""
        order = list(REMOVAL_ORDER)
        extra = [model for model in self._sample_partner_models() if model not in order]
        position = order.index("customer.callback.consent") + 1
        return order[:position] + extra + order[position:]

    @api.model
    def _sample_remove(self, company):
        """Delete the company's sample and what the suite made from it;
        returns (number of records removed, names of the records kept)."""
        tracked = self._sample_tracked(company)
        env = self.env(context=dict(self.env.context, active_test=False))

        def of(model):
            return tracked.get(model, env[model].browse()).with_env(env)

        partners = of("res.partner")
        Callback = env["customer.callback"]
        Ticket = env["helpdesk.ticket"]
        doomed = {
            "customer.callback": of("customer.callback")
            | Callback.search([("partner_id", "in", partners.ids)]),
        }
        doomed["helpdesk.ticket"] = (
            of("helpdesk.ticket")
            | Ticket.search([("partner_id", "in", partners.ids)])
            | Ticket.search([("origin_callback_id", "in", doomed["customer.callback"].ids)])
        )
        # callbacks following a sample ticket
        doomed["customer.callback"] |= Callback.search(
            [("ticket_id", "in", doomed["helpdesk.ticket"].ids)]
        )
        for model in self._sample_partner_models():
            doomed[model] = env[model].search([("partner_id", "in", partners.ids)])
        self._sample_doomed(env, partners, doomed)
        removed, kept = 0, []
        # the guards of history (callbacks with attempts, the consent ledger,
        # drawn spot-checks) yield to the removal of a fictitious customer's
        removal = env(
            context=dict(
                env.context, callback_erase_personal_data=True, callback_sample_removal=True
            )
        )
        for model in self._sample_removal_order():
            records = (doomed.get(model) or of(model)).with_env(removal).exists()
            if not records:
                continue
            one_by_one = self._sample_unlink_prepare(model, records)
            if model == "helpdesk.ticket.team":
                records, used = self._sample_split_used_teams(records, company)
                kept += used.mapped("display_name")
            elif one_by_one:
                records, used = self._sample_unlink_or_archive(records)
                removed += len(records)
                kept += used.mapped("display_name")
                continue
            removed += len(records)
            records.unlink()
        self._sample_xmlids(company).unlink()
        _logger.info("Sample data of company %s removed: %s records.", company.id, removed)
        return removed, kept

    @api.model
    def _sample_split_used_teams(self, teams, company):
        """(teams to delete, teams kept): a team a record of the user's own
        uses (a callback, ticket, rule, the company's default team) is kept."""
        used = teams.filtered(
            lambda team: team == company.callback_default_team_id
            or self.env["customer.callback"]
            .with_context(active_test=False)
            .search_count([("team_id", "=", team.id)], limit=1)
            or self.env["helpdesk.ticket"]
            .with_context(active_test=False)
            .search_count([("team_id", "=", team.id)], limit=1)
            or self.env["customer.callback.rule"]
            .with_context(active_test=False)
            .search_count([("team_id", "=", team.id)], limit=1)
        )
        return teams - used, used

    @api.model
    def _sample_unlink_or_archive(self, records):
        """Delete each record, or archive it when another record still needs
        it (a product sold on a real order, a customer named elsewhere)."""
        deleted, kept = records.browse(), records.browse()
        for record in records:
            try:
                with self.env.cr.savepoint():
                    record.unlink()
                    self.env.flush_all()
                deleted |= record
            except Exception:  # noqa: BLE001 - any reference keeps the record
                kept |= record
        if kept:
            kept.write({"active": False})
        return deleted, kept

    @api.model
    def _sample_notification(self, message):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Sample data"),
                "message": message,
                "type": "success",
                "sticky": False,
            },
        }
