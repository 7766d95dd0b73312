# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-logic helpers: no ORM, tested on their own in the repository's tests/
(except ``bulk``, which creates records of the model it is given)."""
