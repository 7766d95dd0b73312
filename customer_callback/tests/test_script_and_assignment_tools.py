# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Script placeholders and round-robin assignment (pure logic)."""

from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import assignment, script


@tagged("post_install", "-at_install")
class TestScriptAndAssignmentTools(BaseCase):
    def test_surname_chinese_and_western(self):
        self.assertEqual(script.surname("张伟"), "张")
        self.assertEqual(script.surname("欧阳娜娜"), "欧阳")
        self.assertEqual(script.surname("Ada Lovelace"), "Lovelace")
        self.assertEqual(script.surname(""), "")

    def test_form_of_address_follows_the_title_language(self):
        self.assertEqual(script.form_of_address("张伟", "先生"), "张先生")
        self.assertEqual(script.form_of_address("欧阳娜娜", "女士"), "欧阳女士")
        self.assertEqual(script.form_of_address("Lukas Schneider", "Herr"), "Herr Schneider")
        self.assertEqual(script.form_of_address("Claire Martin", "Mme"), "Mme Martin")
        self.assertEqual(script.form_of_address("Emily Johnson", "Ms"), "Ms Johnson")
        # No title: the full name, never a dangling title or a bare surname.
        self.assertEqual(script.form_of_address("James Walker", ""), "James Walker")
        self.assertEqual(script.form_of_address("孙丽", False), "孙丽")
        self.assertEqual(script.form_of_address("", "先生"), "")

    def test_day_in_the_customers_language(self):
        today = date(2026, 12, 1)
        day = date(2026, 11, 26)
        self.assertEqual(script.format_day(day, "zh_CN", today), "11月26日")
        self.assertEqual(script.format_day(day, "en_US", today), "Nov 26")
        self.assertEqual(script.format_day(day, "de_DE", today), "26. Nov.")
        self.assertEqual(script.format_day(day, "fr_FR", today), "26 nov.")
        # Another year: the year is written too.
        self.assertEqual(script.format_day(date(2025, 11, 26), "zh_CN", today), "2025年11月26日")
        self.assertEqual(script.format_day(date(2025, 11, 26), "en_US", today), "Nov 26, 2025")
        self.assertEqual(script.format_day(False, "zh_CN", today), "")
        # Odoo codes babel does not know fall back on English, not on an error.
        self.assertTrue(script.format_day(day, "sr@latin", today))
        self.assertEqual(script.format_day(day, "xx_YY", today), "Nov 26")

    def test_lists_in_the_customers_language(self):
        self.assertEqual(
            script.format_items(["净水器", "滤芯", "安装服务"], "zh_CN"), "净水器、滤芯和安装服务"
        )
        self.assertEqual(
            script.format_items(["purifier", "filter"], "en_US"), "purifier and filter"
        )
        self.assertEqual(script.format_items(["Filter", "", None], "de_DE"), "Filter")
        self.assertEqual(script.format_items([], "zh_CN"), "")

    def test_render_escapes_and_keeps_unknown(self):
        text = "<p>{title} {surname}, {unknown}</p>"
        rendered = script.render(text, {"title": "Ms.", "surname": "<b>Li</b>"})
        self.assertEqual(rendered, "<p>Ms. &lt;b&gt;Li&lt;/b&gt;, {unknown}</p>")
        self.assertEqual(script.unknown_placeholders(text), ["unknown"])

    def test_forbidden_phrases(self):
        phrases = script.split_phrases("你怎么不早说\nthat is your fault, obviously")
        self.assertEqual(phrases, ["你怎么不早说", "that is your fault", "obviously"])
        self.assertEqual(
            script.forbidden_phrases_in("Well, That is your fault.", phrases),
            ["that is your fault"],
        )

    def test_join_sentences_spaces_only_latin_sentences(self):
        self.assertEqual(
            script.join_sentences(["Next: 13:00.", "Deadline: 11-26."]),
            "Next: 13:00. Deadline: 11-26.",
        )
        self.assertEqual(
            script.join_sentences(["下次尝试：13:00。", "截止日期：11-26。"]),
            "下次尝试：13:00。截止日期：11-26。",
        )
        self.assertEqual(script.join_sentences(["", "One.", False]), "One.")

    def test_round_robin_balances_load(self):
        users = assignment.round_robin([1, 2, 3], {1: 5, 2: 0, 3: 1}, 6)
        self.assertEqual(users.count(2), 4)
        self.assertEqual(users.count(3), 2)
        self.assertNotIn(1, users)
        self.assertEqual(assignment.round_robin([], {}, 2), [False, False])

    def test_route_team_then_default_team_then_supervisor(self):
        """Issue #29: what nobody was given lands on a team's agents, else the
        default team's, else the supervisor, else nobody; balanced by load."""
        loads = {1: 3, 2: 0}
        self.assertEqual(
            assignment.route(2, (10, [1, 2]), (20, [3]), 9, loads),
            (
                assignment.TEAM,
                10,
                [2, 2],
            ),
        )
        self.assertEqual(
            assignment.route(1, (10, []), (20, [3, 4]), 9, {3: 1}),
            (
                assignment.DEFAULT_TEAM,
                20,
                [4],
            ),
        )
        self.assertEqual(
            assignment.route(1, None, (20, [3]), 9, {}), (assignment.DEFAULT_TEAM, 20, [3])
        )
        # a team without agents, no default team with agents: the supervisor, in the team
        self.assertEqual(
            assignment.route(2, (10, []), (20, []), 9, {}),
            (
                assignment.SUPERVISOR,
                10,
                [9, 9],
            ),
        )
        self.assertEqual(
            assignment.route(1, None, None, 9, {}), (assignment.SUPERVISOR, False, [9])
        )
        self.assertEqual(
            assignment.route(1, None, None, None, {}), (assignment.NOBODY, False, [False])
        )
        self.assertEqual(
            assignment.route(1, None, (20, []), None, {}), (assignment.NOBODY, 20, [False])
        )

    def test_routing_gap_says_where_callbacks_go_instead(self):
        gap = assignment.routing_gap
        self.assertIsNone(gap(True, True, False, False, False))
        self.assertIsNone(gap(False, False, True, True, False))
        self.assertEqual(
            gap(True, False, True, True, True), ("team_without_agents", assignment.DEFAULT_TEAM)
        )
        self.assertEqual(
            gap(True, False, False, False, True), ("team_without_agents", assignment.SUPERVISOR)
        )
        self.assertEqual(
            gap(False, False, True, False, False),
            (
                "default_without_agents",
                assignment.NOBODY,
            ),
        )
        self.assertEqual(gap(False, False, False, False, True), ("no_team", assignment.SUPERVISOR))
        self.assertEqual(gap(False, False, False, False, False), ("no_team", assignment.NOBODY))
