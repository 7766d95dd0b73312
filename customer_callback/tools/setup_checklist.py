# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The set-up checklist's decisions (issue #29 point 2). Pure functions, no
ORM: the company's data comes in as plain values."""

import pytz

# The steps, in the order the checklist shows them.
STEPS = ("company", "windows", "holidays", "team", "rules", "groups", "channels")

# SMTP host Odoo uses when neither a mail server record nor the server's
# configuration names one: nothing was set up.
DEFAULT_SMTP_HOST = "localhost"


def timezone_fits_country(tz, country_code):
    """Whether ``tz`` is one of the timezones of the country ``country_code``
    (any timezone fits a country the timezone database does not list)."""
    if not tz or not country_code:
        return False
    zones = pytz.country_timezones.get(country_code.upper())
    return not zones or tz in zones


def team_status(teams, agent_ids):
    """Which callback teams are ready, and what the others lack.

    ``teams``: ``(leader_id, member_ids)`` per active team of the company;
    ``agent_ids``: the users who have the agent group. A team is ready when it
    has a leader and at least one agent among its members. Returns
    ``(ready, missing)``: the positions of the ready teams in ``teams``, and
    ``None`` when one is ready, else the first thing missing: ``"no_team"``,
    ``"no_agent"`` or ``"no_leader"`` (agents first: without them no callback
    is assigned)."""
    if not teams:
        return [], "no_team"
    agents = set(agent_ids)
    with_agents = [index for index, (_leader, members) in enumerate(teams) if agents & set(members)]
    ready = [index for index in with_agents if teams[index][0]]
    if ready:
        return ready, None
    return [], "no_leader" if with_agents else "no_agent"


def smtp_configured(mail_server_count, smtp_host):
    """Whether e-mails can leave: an outgoing mail server record, or a host
    other than Odoo's default in the server's configuration."""
    return bool(mail_server_count) or bool(smtp_host and smtp_host != DEFAULT_SMTP_HOST)
