# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One clock for all business code, in-process.

Python's clock is frozen with freezegun and moved by the simulation; the
cursor's ``now()`` (Odoo's ``create_date``/``write_date``, ``cr.now()``, the
scheduler's ``nextcall`` arithmetic) returns the same frozen moment instead
of PostgreSQL's ``now()``. No business query of the suite reads SQL
``now()`` (checked by ``bin/simulate``'s grep, see README), so PostgreSQL's
own clock never decides anything."""

from datetime import datetime
from types import SimpleNamespace
from unittest.mock import patch

import freezegun


class SimClock:
    def __init__(self, start):
        self._freezer = freezegun.freeze_time(start)
        self._factory = None
        self._patch = None
        self._pool_patch = None

    def start(self):
        from odoo import sql_db  # noqa: PLC0415
        from odoo.sql_db import BaseCursor  # noqa: PLC0415

        self._factory = self._freezer.start()
        # every cursor, including the scheduler's own, reads the frozen moment
        self._patch = patch.object(
            BaseCursor, "now", lambda _cr: datetime.now().replace(microsecond=0)
        )
        self._patch.start()
        # The connection pool's idle timeout (10 minutes) is infrastructure,
        # not business: on the frozen clock every jump of an hour made each
        # pooled connection look idle, so each cursor opened a new
        # PostgreSQL connection (a new backend with cold catalog caches).
        # The pool measures its idleness on the real clock instead (read from
        # freezegun's module: a name imported here would be patched at start).
        self._pool_patch = patch.object(
            sql_db, "time", SimpleNamespace(time=freezegun.api.real_time)
        )
        self._pool_patch.start()
        return self

    def stop(self):
        self._pool_patch.stop()
        self._patch.stop()
        self._freezer.stop()

    def move_to(self, moment):
        self._factory.move_to(moment)

    @staticmethod
    def now():
        return datetime.now()
