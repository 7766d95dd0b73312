# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Script placeholders and round-robin assignment (pure logic)."""

from datetime import date

from odoo.addons.customer_callback.tools import assignment, script


def test_surname_chinese_and_western():
    assert script.surname("张伟") == "张"
    assert script.surname("欧阳娜娜") == "欧阳"
    assert script.surname("Ada Lovelace") == "Lovelace"
    assert script.surname("") == ""


def test_form_of_address_follows_the_title_language():
    assert script.form_of_address("张伟", "先生") == "张先生"
    assert script.form_of_address("欧阳娜娜", "女士") == "欧阳女士"
    assert script.form_of_address("Lukas Schneider", "Herr") == "Herr Schneider"
    assert script.form_of_address("Claire Martin", "Mme") == "Mme Martin"
    assert script.form_of_address("Emily Johnson", "Ms") == "Ms Johnson"
    # No title: the full name, never a dangling title or a bare surname.
    assert script.form_of_address("James Walker", "") == "James Walker"
    assert script.form_of_address("孙丽", False) == "孙丽"
    assert script.form_of_address("", "先生") == ""


def test_day_in_the_customers_language():
    today = date(2026, 12, 1)
    day = date(2026, 11, 26)
    assert script.format_day(day, "zh_CN", today) == "11月26日"
    assert script.format_day(day, "en_US", today) == "Nov 26"
    assert script.format_day(day, "de_DE", today) == "26. Nov."
    assert script.format_day(day, "fr_FR", today) == "26 nov."
    # Another year: the year is written too.
    assert script.format_day(date(2025, 11, 26), "zh_CN", today) == "2025年11月26日"
    assert script.format_day(date(2025, 11, 26), "en_US", today) == "Nov 26, 2025"
    assert script.format_day(False, "zh_CN", today) == ""
    # Odoo codes babel does not know fall back on English, not on an error.
    assert script.format_day(day, "sr@latin", today)
    assert script.format_day(day, "xx_YY", today) == "Nov 26"


def test_lists_in_the_customers_language():
    assert script.format_items(["净水器", "滤芯", "安装服务"], "zh_CN") == "净水器、滤芯和安装服务"
    assert script.format_items(["purifier", "filter"], "en_US") == "purifier and filter"
    assert script.format_items(["Filter", "", None], "de_DE") == "Filter"
    assert script.format_items([], "zh_CN") == ""


def test_render_escapes_and_keeps_unknown():
    text = "<p>{title} {surname}, {unknown}</p>"
    rendered = script.render(text, {"title": "Ms.", "surname": "<b>Li</b>"})
    assert rendered == "<p>Ms. &lt;b&gt;Li&lt;/b&gt;, {unknown}</p>"
    assert script.unknown_placeholders(text) == ["unknown"]


def test_forbidden_phrases():
    phrases = script.split_phrases("你怎么不早说\nthat is your fault, obviously")
    assert phrases == ["你怎么不早说", "that is your fault", "obviously"]
    assert script.forbidden_phrases_in("Well, That is your fault.", phrases) == [
        "that is your fault"
    ]


def test_join_sentences_spaces_only_latin_sentences():
    assert script.join_sentences(["Next: 13:00.", "Deadline: 11-26."]) == (
        "Next: 13:00. Deadline: 11-26."
    )
    assert script.join_sentences(["下次尝试：13:00。", "截止日期：11-26。"]) == (
        "下次尝试：13:00。截止日期：11-26。"
    )
    assert script.join_sentences(["", "One.", False]) == "One."


def test_round_robin_balances_load():
    users = assignment.round_robin([1, 2, 3], {1: 5, 2: 0, 3: 1}, 6)
    assert users.count(2) == 4 and users.count(3) == 2 and 1 not in users
    assert assignment.round_robin([], {}, 2) == [False, False]


def test_route_team_then_default_team_then_supervisor():
    """Issue #29: what nobody was given lands on a team's agents, else the
    default team's, else the supervisor, else nobody; balanced by load."""
    loads = {1: 3, 2: 0}
    assert assignment.route(2, (10, [1, 2]), (20, [3]), 9, loads) == (
        assignment.TEAM,
        10,
        [2, 2],
    )
    assert assignment.route(1, (10, []), (20, [3, 4]), 9, {3: 1}) == (
        assignment.DEFAULT_TEAM,
        20,
        [4],
    )
    assert assignment.route(1, None, (20, [3]), 9, {}) == (assignment.DEFAULT_TEAM, 20, [3])
    # a team without agents, no default team with agents: the supervisor, in the team
    assert assignment.route(2, (10, []), (20, []), 9, {}) == (
        assignment.SUPERVISOR,
        10,
        [9, 9],
    )
    assert assignment.route(1, None, None, 9, {}) == (assignment.SUPERVISOR, False, [9])
    assert assignment.route(1, None, None, None, {}) == (assignment.NOBODY, False, [False])
    assert assignment.route(1, None, (20, []), None, {}) == (assignment.NOBODY, 20, [False])


def test_routing_gap_says_where_callbacks_go_instead():
    gap = assignment.routing_gap
    assert gap(True, True, False, False, False) is None
    assert gap(False, False, True, True, False) is None
    assert gap(True, False, True, True, True) == ("team_without_agents", assignment.DEFAULT_TEAM)
    assert gap(True, False, False, False, True) == ("team_without_agents", assignment.SUPERVISOR)
    assert gap(False, False, True, False, False) == (
        "default_without_agents",
        assignment.NOBODY,
    )
    assert gap(False, False, False, False, True) == ("no_team", assignment.SUPERVISOR)
    assert gap(False, False, False, False, False) == ("no_team", assignment.NOBODY)
