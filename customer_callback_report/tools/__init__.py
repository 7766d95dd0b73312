# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-logic helpers of the reports: no ORM, tested on their own
(tests/test_*_tools.py)."""
