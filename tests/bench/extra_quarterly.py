# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The benchmark, not addon code: it prints its figures.
# pylint: disable=print-used
"""Figures R1-R4 (issue #17): the high-frequency terms of a month of ~80,000
callbacks with the customers' words (the monthly scheduled action's work),
then the quarterly care analysis over every callback of the benchmark:
figures, XLSX and QWeb HTML (goal <= 3 s each).

Run with the other figures by run.py, or alone at any scale by
``tests/bench/reports.py``."""

from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

# what customers say on the phone, and what complaints say (Chinese and English)
FRAGMENTS = [
    "滤芯漏水",
    "出水有异味",
    "希望尽快上门维修",
    "安装师傅态度很好",
    "净水器噪音很大",
    "出水量太小",
    "售后电话打不通",
    "等了三天没有回复",
    "更换滤芯太贵",
    "指示灯一直闪",
    "水龙头接口松动",
    "想了解新款净水器",
    "配送很快，包装完好",
    "上门时间不准时",
    "APP显示离线",
    "热水功能不能用",
    "对产品很满意",
    "希望延长保修期",
    "发票还没有收到",
    "The filter leaks",
    "Water tastes strange",
    "Technician was very friendly",
    "Please call back in the evening",
    "The app shows the purifier offline",
    "Delivery was late",
]


def _fill_month(env, data, month, count):
    """``count`` callbacks closed during ``month`` (company timezone) with
    feedback, a quarter of them with a note of the call, and the month's
    complaints with descriptions: bulk SQL, like the rest of the fill."""
    cr = env.cr
    company = env.company
    categories = env["helpdesk.ticket.category"].search([("active", "=", True)], limit=6).ids
    start = datetime.combine(month, time(2, 0))
    days = ((month + relativedelta(months=1)) - month).days
    cr.execute(
        """INSERT INTO customer_callback (name, company_id, partner_id, segment, user_id, team_id,
                                          channel, planned_date, deadline, state, score, active,
                                          done_date, create_date, write_date, feedback,
                                          problem_category_id)
           SELECT 'T' || g, %(company)s, %(first)s + g %% (%(last)s - %(first)s + 1), 'usage',
                  (%(agents)s::int[])[1 + g %% %(agent_count)s], %(team)s, 'phone',
                  moment, moment::date + 3, 'done', 1 + g %% 5, TRUE, moment + interval '1 hour',
                  moment, moment,
                  (%(fragments)s::varchar[])[1 + g %% %(fragment_count)s] || '，' ||
                  (%(fragments)s::varchar[])[1 + (g * 7 + g / 11) %% %(fragment_count)s],
                  (%(categories)s::int[])[1 + g %% %(category_count)s]
             FROM (SELECT g, %(start)s::timestamp + (g %% %(days)s) * interval '1 day'
                                                  + (g %% 600) * interval '1 minute' AS moment
                     FROM generate_series(1, %(count)s) g) s""",
        {
            "company": company.id,
            "first": data["first_partner"],
            "last": data["last_partner"],
            "agents": data["agents"].ids,
            "agent_count": len(data["agents"]),
            "team": data["team"].id,
            "fragments": FRAGMENTS,
            "fragment_count": len(FRAGMENTS),
            "categories": categories,
            "category_count": len(categories),
            "start": start,
            "days": days,
            "count": count,
        },
    )
    cr.execute(
        """INSERT INTO customer_callback_attempt (callback_id, company_id, attempt_date, channel,
                                                  result, slot, in_window, user_id, note,
                                                  create_date, write_date)
           SELECT id, company_id, planned_date, 'phone', 'connected', 'morning', TRUE, user_id,
                  '客户说' || feedback, planned_date, planned_date
             FROM customer_callback WHERE name LIKE %s AND id %% 4 = 0""",
        ["T%"],
    )
    cr.execute(
        """UPDATE helpdesk_ticket
              SET complaint_date = %s::timestamp + (id %% %s) * interval '1 day',
                  description = '<p>' || (%s::varchar[])[1 + id %% %s] || '</p>'
            WHERE is_complaint""",
        [start, days, FRAGMENTS, len(FRAGMENTS)],
    )
    cr.execute("ANALYZE customer_callback")
    cr.execute("ANALYZE customer_callback_attempt")
    env.invalidate_all()


def run(env, data, sizes, measure, line):
    cr = env.cr
    company = env.company
    admin = env.ref("base.user_admin")
    admin.group_ids = [(4, env.ref("customer_callback.customer_callback_group_supervisor").id)]
    month = date.today().replace(day=1) - relativedelta(months=1)
    count = max(1000, sizes["callbacks"] * 8 // 100)
    print(f"# adding {count} callbacks closed in {month:%Y-%m} with feedback ...", flush=True)
    # nothing of this figure is committed: the other figures see the data
    # they always saw (rolled back at the end)
    _fill_month(env, data, month, count)

    Term = env["customer.callback.term"]
    with measure(cr) as terms:
        rows = Term._compute_month(company, month)
    line(
        "R1",
        "high-frequency terms of a month (scheduled action)",
        f"{count} callbacks with feedback, {count // 4} call notes, "
        f"{env['helpdesk.ticket'].search_count([('is_complaint', '=', True)])} complaints; "
        f"{len(rows)} rows",
        terms["seconds"],
        terms["queries"],
        goal="printed (once a month, in the night)",
        extra=f"| {count / terms['seconds']:.0f} callbacks/s",
    )

    year, quarter = month.year, (month.month - 1) // 3 + 1
    report = (
        env["customer.callback.quarterly.report"]
        .with_user(admin)
        .create({"year": year, "quarter": str(quarter)})
    )
    callbacks = env["customer.callback"].search_count([])
    with measure(cr) as figures:
        data_ = report._data()
    line(
        "R2",
        "quarterly analysis: figures",
        f"{callbacks} callbacks, {year} Q{quarter}, {len(data_['terms'])} top terms",
        figures["seconds"],
        figures["queries"],
        goal="goal <= 3 s",
    )
    Report = env["ir.actions.report"].with_user(admin)
    env.invalidate_all()
    with measure(cr) as xlsx:
        content = Report._render_xlsx(
            "customer_callback_report.quarterly_report_xlsx", report.ids, {}
        )[0]
    line(
        "R3",
        "quarterly analysis: XLSX",
        f"{callbacks} callbacks, {len(content) // 1024} KiB",
        xlsx["seconds"],
        xlsx["queries"],
        goal="goal <= 3 s",
    )
    env.invalidate_all()
    with measure(cr) as html:
        content = Report._render_qweb_html("customer_callback_report.quarterly_report", report.ids)[
            0
        ]
    line(
        "R4",
        "quarterly analysis: QWeb HTML",
        f"{callbacks} callbacks, {len(content) // 1024} KiB",
        html["seconds"],
        html["queries"],
        goal="goal <= 3 s",
    )
    cr.rollback()
