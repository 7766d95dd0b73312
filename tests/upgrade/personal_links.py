# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# A step of bin/test-upgrade, not addon code: it prints its result.
# pylint: disable=print-used
"""The personal links across the upgrade (issue #31, the portal cut), run by
bin/test-upgrade in ``odoo shell`` (``env`` given), the step named by
CC_LINKS_STEP:

- ``seed``, with the old code before the snapshot: valid links of both
  purposes, a revoked one, a rate-limit row and a data request made on the
  page, as customers and agents leave them (the demo data has few);
- ``check``, with the new code after the upgrade: every token the snapshot
  computed (CC_LINKS_SNAPSHOT, tests/upgrade/check.py) is the token the
  upgraded code signs, and each valid one opens its link.

Prints ``personal links: ...`` lines; a failure prints ``FAIL``."""

import json
import os

step = os.environ["CC_LINKS_STEP"]
Link = env["customer.callback.link"].sudo()  # noqa: F821 (odoo shell)
if step == "seed":
    callbacks = env["customer.callback"].search([("partner_id", "!=", False)], order="id")  # noqa: F821
    partners = callbacks.partner_id[:4]
    for partner in partners:
        company = (
            partner.company_id
            or callbacks.filtered(lambda cb, partner=partner: cb.partner_id == partner)[
                :1
            ].company_id
        )
        Link._for_partner(partner, "contact", company)
        Link._for_partner(partner, "survey", company)
    Link.search([("partner_id", "=", partners[:1].id), ("purpose", "=", "survey")]).action_revoke()
    contact = Link.search([("partner_id", "=", partners[1:2].id), ("purpose", "=", "contact")])
    contact._customer_request("export", "seeded before the upgrade")
    env["customer.callback.link.throttle"]._allow("198.51.100.7")  # noqa: F821
    env.cr.commit()  # noqa: F821
    print(f"personal links: seeded, {Link.search_count([])} links")
elif step == "check":
    with open(os.environ["CC_LINKS_SNAPSHOT"], encoding="utf-8") as handle:
        tokens = json.load(handle)["link_tokens"]
    failures = []
    opened = 0
    for link_id, token in tokens.items():
        link = Link.browse(int(link_id)).exists()
        if not link or link._token() != token:
            failures.append(link_id)
        elif link.state == "valid" and link._company_matches():
            if Link._from_token(token) != link:
                failures.append(link_id)
            opened += 1
    print(
        f"personal links: {len(tokens) - len(failures)} of {len(tokens)} tokens signed as "
        f"before by the upgraded code, {opened} valid ones open their link"
    )
    if failures or not tokens:
        print(f"FAIL: personal links {failures or 'none to check'}")
