# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One clock for all business code, in-process.

Python's clock is frozen with freezegun and moved by the simulation; the
cursor's ``now()`` (Odoo's ``create_date``/``write_date``, ``cr.now()``, the
scheduler's ``nextcall`` arithmetic) returns the same frozen moment instead
of PostgreSQL's ``now()``. No business query of the suite reads SQL
``now()`` (checked by ``bin/simulate``'s grep, see README), so PostgreSQL's
own clock never decides anything."""

from datetime import datetime
from unittest.mock import patch

import freezegun


class SimClock:
    def __init__(self, start):
        self._freezer = freezegun.freeze_time(start)
        self._factory = None
        self._patch = None

    def start(self):
        from odoo.sql_db import BaseCursor  # noqa: PLC0415

        self._factory = self._freezer.start()
        # every cursor, including the scheduler's own, reads the frozen moment
        self._patch = patch.object(
            BaseCursor, "now", lambda _cr: datetime.now().replace(microsecond=0)
        )
        self._patch.start()
        return self

    def stop(self):
        self._patch.stop()
        self._freezer.stop()

    def move_to(self, moment):
        self._factory.move_to(moment)

    @staticmethod
    def now():
        return datetime.now()
