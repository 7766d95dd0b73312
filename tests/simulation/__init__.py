# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A year in the life of the callback suite (issue #30): a seeded, day-by-day
simulation on a fresh database, with the SOP promises checked every day.
Run through ``bin/simulate``; the invariants are plain functions tested in
``tests/test_simulation_invariants.py``."""
