# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure decisions of the satisfaction surveys: plain Python, no ORM."""
