#!/usr/bin/env python3
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""``odoo-bin`` for tests/bench/scale_out.sh.

The prefork server starts its evented (gevent, websocket) process again from
``sys.argv[0]``; ``python3 -m odoo`` cannot be started that way. On this
machine gevent 22.10's own monkey-patch plugin fails to load through
``pkg_resources`` (it does not find the ``zope.interface`` distribution,
installed under its normalized name ``zope_interface``), which kills the
evented process at start: its plugins are loaded here without the
distribution check, the rest is ``odoo-bin``."""

import gevent.events


def _notify_and_call_entry_points(event):
    gevent.events.notify(event)
    for plugin in gevent.events.iter_entry_points(event.ENTRY_POINT_NAME):
        plugin.resolve()(event)


gevent.events.notify_and_call_entry_points = _notify_and_call_entry_points

# Odoo patches gevent when it is imported: after the fix above
import odoo.cli  # noqa: E402

if __name__ == "__main__":
    odoo.cli.main()
