# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The consent ledger (issue #20): the customers' do-not-call, preferred
channel and time typed before it, and the recording consents ticked on
calls, become ledger lines (source: import), dated at the migration. The
partner's fields, now derived from the ledger, keep their values."""

from odoo import SUPERUSER_ID, api, fields


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    now = fields.Datetime.now()
    default_company = env.ref("base.main_company", raise_if_not_found=False) or env[
        "res.company"
    ].search([], limit=1, order="id")
    text = env._("Recorded before the consent ledger existed (migration).")
    # SQL: the values stored before the fields became computed from the
    # ledger; reading them through the ORM would recompute them first.
    cr.execute(
        """SELECT id, company_id, COALESCE(callback_do_not_call, FALSE),
                  callback_channel, COALESCE(callback_preferred_time, 0)
             FROM res_partner
            WHERE callback_do_not_call
               OR callback_channel IS NOT NULL
               OR COALESCE(callback_preferred_time, 0) != 0"""
    )
    vals_list = []
    for partner_id, company_id, do_not_call, channel, preferred_time in cr.fetchall():
        base = {
            "partner_id": partner_id,
            "company_id": company_id or default_company.id,
            "date": now,
            "source": "import",
            "user_id": False,
            "text": text,
        }
        if do_not_call:
            vals_list.append(dict(base, purpose="contact", decision="withdrawn"))
        if channel or preferred_time:
            vals_list.append(
                dict(
                    base,
                    purpose="preference",
                    decision="given",
                    channel=channel or False,
                    preferred_time=preferred_time,
                )
            )
    # SQL: the recording consents of the calls, whatever the callbacks' rules
    cr.execute(
        """SELECT id, partner_id, company_id FROM customer_callback
            WHERE recording_consent AND partner_id IS NOT NULL"""
    )
    for callback_id, partner_id, company_id in cr.fetchall():
        vals_list.append(
            {
                "partner_id": partner_id,
                "company_id": company_id,
                "purpose": "recording",
                "decision": "given",
                "callback_id": callback_id,
                "date": now,
                "source": "import",
                "user_id": False,
                "text": text,
            }
        )
    if vals_list:
        env["customer.callback.consent"].create(vals_list)
