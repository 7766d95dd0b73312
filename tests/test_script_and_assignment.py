# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Script placeholders and round-robin assignment (pure logic)."""

from odoo.addons.customer_callback.tools import assignment, script


def test_surname_chinese_and_western():
    assert script.surname("张伟") == "张"
    assert script.surname("欧阳娜娜") == "欧阳"
    assert script.surname("Ada Lovelace") == "Lovelace"
    assert script.surname("") == ""


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


def test_round_robin_balances_load():
    users = assignment.round_robin([1, 2, 3], {1: 5, 2: 0, 3: 1}, 6)
    assert users.count(2) == 4 and users.count(3) == 2 and 1 not in users
    assert assignment.round_robin([], {}, 2) == [False, False]
