# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite's toasts: ``display_notification`` client actions without a
``title``.

Odoo 19's toast writes its title and its message as one line joined by a
Latin ". " (``web/static/src/core/notifications/notification.xml``), which
reads "官方日历. 已载入…" in Chinese. So a toast of the suite carries its whole
text in ``message``: a caller that wants a heading writes it into its own
translated sentence ("Official calendar: %s" → "官方日历：%s"), with the
punctuation of the reader's language. Pure: no ORM."""


def toast(message, kind="info", sticky=False, next_action=None):
    """A ``display_notification`` client action showing ``message`` alone."""
    params = {"type": kind, "sticky": sticky, "message": message}
    if next_action:
        params["next"] = next_action
    return {"type": "ir.actions.client", "tag": "display_notification", "params": params}
