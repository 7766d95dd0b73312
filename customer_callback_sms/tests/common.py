# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import pytz


def recent_slots(now):
    """The three latest moments before ``now`` at 10:00, 14:00 and 19:00
    in Shanghai (morning, afternoon, evening), as naive UTC: three failed
    attempts in distinct slots, all within the last 24 hours."""
    zone = pytz.timezone("Asia/Shanghai")
    local_now = pytz.utc.localize(now).astimezone(zone)
    moments = []
    for hour in (10, 14, 19):
        local = local_now.replace(hour=hour, minute=0, second=0, microsecond=0)
        if local >= local_now:
            local -= timedelta(days=1)
        moments.append(local.astimezone(pytz.utc).replace(tzinfo=None))
    return sorted(moments)
