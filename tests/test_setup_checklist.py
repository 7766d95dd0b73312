# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The set-up checklist's decisions (pure logic, issue #29 point 2)."""

from odoo.addons.customer_callback.tools import setup_checklist


def test_timezone_must_be_one_of_the_country():
    assert setup_checklist.timezone_fits_country("Asia/Shanghai", "CN")
    assert setup_checklist.timezone_fits_country("Asia/Urumqi", "cn")
    assert not setup_checklist.timezone_fits_country("Europe/Brussels", "CN")
    assert not setup_checklist.timezone_fits_country("UTC", "CN")
    assert not setup_checklist.timezone_fits_country(False, "CN")
    assert not setup_checklist.timezone_fits_country("Asia/Shanghai", False)
    # a country the timezone database does not list takes any timezone
    assert setup_checklist.timezone_fits_country("UTC", "XK") is (
        "XK" not in setup_checklist.pytz.country_timezones
    )


def test_a_team_is_ready_with_a_leader_and_an_agent():
    agents = [11, 12]
    assert setup_checklist.team_status([], agents) == ([], "no_team")
    assert setup_checklist.team_status([(1, [])], agents) == ([], "no_agent")
    # a member without the agent group is not an agent
    assert setup_checklist.team_status([(1, [99])], agents) == ([], "no_agent")
    assert setup_checklist.team_status([(False, [11])], agents) == ([], "no_leader")
    # the leader of a team without agents does not make another team ready
    assert setup_checklist.team_status([(1, []), (False, [12])], agents) == ([], "no_leader")
    assert setup_checklist.team_status([(False, [11]), (1, [12, 99]), (2, [11])], agents) == (
        [1, 2],
        None,
    )


def test_mail_can_leave_through_a_server_record_or_the_configuration():
    assert not setup_checklist.smtp_configured(0, "localhost")
    assert not setup_checklist.smtp_configured(0, False)
    assert setup_checklist.smtp_configured(0, "smtp.example.com")
    assert setup_checklist.smtp_configured(1, "localhost")


def test_steps_in_the_checklist_order():
    assert setup_checklist.STEPS == (
        "company",
        "windows",
        "holidays",
        "team",
        "rules",
        "groups",
        "channels",
    )
