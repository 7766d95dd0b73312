# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-logic helpers: no ORM, tested on their own (tests/test_terms_tools.py)."""
