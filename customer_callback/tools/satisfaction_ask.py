# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who asks a customer for satisfaction after a ticket, and how an answer on
another scale counts on the suite's 5-point one (SPEC §6). Pure.

- A closed ticket is asked once: by the suite's satisfaction survey or, when
  the company chose it, by a helpdesk rating request (OCA
  ``helpdesk_mgmt_rating``); never both.
- Odoo's ratings are 1 (unhappy), 3 (neutral) and 5 (happy), 0 meaning "not
  rated": they count as the same values on the 5-point scale (5 very
  satisfied, 3 average, 1 very dissatisfied); a value in between (a custom
  rating page) is rounded half up and clipped to the scale.
"""

import math

SURVEY = "survey"
RATING = "rating"
TICKET_TRIGGERS = ("complaint", "ticket")


def covers_ticket(on_complaint, on_ticket, is_complaint, do_not_call):
    """Whether closing a ticket queues the suite's satisfaction request
    (the company's triggers; never for a do-not-call customer)."""
    if do_not_call:
        return False
    return bool(on_ticket or (on_complaint and is_complaint))


def asker(setting, trigger):
    """Who asks a queued request: ``RATING`` only for requests after a
    closed ticket of a company that chose the helpdesk rating; a survey
    after a callback stays the suite's (a rating rates a ticket)."""
    if setting == RATING and trigger in TICKET_TRIGGERS:
        return RATING
    return SURVEY


def rating_to_score(value):
    """The 5-point score of an Odoo rating value (0-5); None when not rated."""
    if value is None or value <= 0:
        return None
    return max(1, min(5, math.floor(value + 0.5)))
