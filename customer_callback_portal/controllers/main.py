# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's personal page (issue #20): no login, the personal link's
token only. A wrong, tampered, expired or revoked token, and too many
requests from one address, all get the same neutral page. The forms are
POSTs with Odoo's CSRF token; QWeb escapes what it shows."""

from datetime import datetime

from markupsafe import Markup, escape

from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.customer_callback.tools import script

NEUTRAL_STATUS = 404
LIMITED_STATUS = 429
WEEKDAYS = range(7)


class CustomerCallbackPage(http.Controller):
    def _neutral(self, status=NEUTRAL_STATUS):
        values = {
            "title": request.env._("This link is not valid"),
            "html_data": {"lang": self._html_lang(request.env.lang)},
        }
        return request.render(
            "customer_callback_portal.customer_callback_page_neutral", values, status=status
        )

    @staticmethod
    def _html_lang(lang):
        """The page's ``<html lang>``, as Odoo's layouts write it (zh-CN)."""
        return (lang or "en_US").replace("_", "-")

    def _link(self, token):
        """The link of ``token`` or None; counts the request per address."""
        throttle = request.env["customer.callback.link.throttle"].sudo()
        if not throttle._allow(request.httprequest.remote_addr):
            return None, self._neutral(LIMITED_STATUS)
        link = request.env["customer.callback.link"].sudo()._from_token(token)
        if not link:
            return None, self._neutral()
        return link, None

    def _render(self, link, token, message=None, error=None):
        lang = link.partner_id.lang or "en_US"
        request.update_context(lang=lang)
        summary = link._customer_summary()
        values = {
            "link": link,
            "token": token,
            "partner": link.partner_id,
            "summary": summary,
            "sentences": self._sentences(link, summary, lang),
            "message": message,
            "error": error,
            "weekdays": WEEKDAYS,
            "title": request.env._(
                "%(company)s – Your contact preferences", company=link.company_id.name
            ),
            "html_data": {"lang": self._html_lang(lang)},
        }
        return request.render("customer_callback_portal.customer_callback_page", values)

    def _sentences(self, link, summary, lang):
        """The page's sentences that hold values, each translated whole: the
        punctuation around the values is the language's own (（您的当地时间，
        Asia/Shanghai）。), never a Latin bracket or full stop left over."""
        env = request.env
        windows = summary["windows"]
        counts = {"count": summary["callback_count"], "done": summary["done_count"]}
        # the moment stands out: a Markup sentence, the values escaped
        planned = Markup('<strong class="o_customer_callback_planned">%s</strong>') % (
            summary["open_planned"] or ""
        )
        planned_sentence = escape(env._("Our next call is planned on %s."))
        return {
            "hello": env._(
                "Hello %(name)s, here you decide when and how we contact you.",
                name=link.partner_id.name,
            ),
            "windows": env._(
                "We call on working days %(workday)s, on holidays %(holiday)s (your time, %(tz)s).",
                workday=script.format_items(windows.get("workday") or [], lang),
                holiday=script.format_items(windows.get("holiday") or [], lang),
                tz=summary["tz_name"],
            ),
            "planned": summary["open_planned"] and planned_sentence % planned,
            "callbacks": env._(
                "Callbacks: %(count)s (%(done)s done, last on %(last)s)",
                last=summary["last_done"],
                **counts,
            )
            if summary["last_done"]
            else env._("Callbacks: %(count)s (%(done)s done)", **counts),
        }

    @http.route(
        "/callback/my/<string:token>", type="http", auth="public", methods=["GET"], sitemap=False
    )
    def customer_page(self, token, **kwargs):
        link, refused = self._link(token)
        if refused:
            return refused
        link.sudo().write({"last_used_date": http.request.env.cr.now()})
        return self._render(link, token)

    @http.route(
        "/callback/my/<string:token>/<string:action>",
        type="http",
        auth="public",
        methods=["POST"],
        sitemap=False,
    )
    def customer_action(self, token, action, **post):
        link, refused = self._link(token)
        if refused:
            return refused
        link = link.with_context(lang=link.partner_id.lang or "en_US")
        env = link.env
        try:
            if action == "preferences":
                days = [
                    int(day) for day in request.httprequest.form.getlist("day") if day.isdigit()
                ]
                link._customer_set_preferences(days, post.get("slot"), post.get("channel"))
                message = env._("Your preferences are saved.")
            elif action == "callback":
                try:
                    moment = datetime.strptime(
                        f"{post.get('date', '')} {post.get('time', '')}", "%Y-%m-%d %H:%M"
                    )
                except ValueError as error:
                    raise ValidationError(env._("Please give a date and a time.")) from error
                link._customer_ask_callback(moment)
                message = env._("We will call you at the time you chose.")
            elif action in ("stop_all", "stop_survey"):
                link._customer_stop("all" if action == "stop_all" else "survey")
                message = env._("Your choice is saved.")
            elif action in ("allow_all", "allow_survey"):
                link._customer_allow("all" if action == "allow_all" else "survey")
                message = env._("Your choice is saved.")
            elif action == "no_recording":
                link._customer_withdraw_recording()
                message = env._("Your choice is saved.")
            elif action in ("export", "erase"):
                _request, created = link._customer_request(action, post.get("note"))
                message = (
                    env._("Your request is sent: we will answer you soon.")
                    if created
                    else env._(
                        "You already made this request: it is pending, we will answer you soon."
                    )
                )
            else:
                return self._neutral()
        except ValidationError as error:
            return self._render(link, token, error=str(error.args[0]))
        return self._render(link, token, message=message)
