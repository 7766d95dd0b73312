# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The set-up checklist's decisions (pure logic, issue #29 point 2)."""

from odoo.tests import BaseCase, tagged

from ..tools import setup_checklist


@tagged("post_install", "-at_install")
class TestSetupChecklistTools(BaseCase):
    def test_timezone_must_be_one_of_the_country(self):
        self.assertTrue(setup_checklist.timezone_fits_country("Asia/Shanghai", "CN"))
        self.assertTrue(setup_checklist.timezone_fits_country("Asia/Urumqi", "cn"))
        self.assertFalse(setup_checklist.timezone_fits_country("Europe/Brussels", "CN"))
        self.assertFalse(setup_checklist.timezone_fits_country("UTC", "CN"))
        self.assertFalse(setup_checklist.timezone_fits_country(False, "CN"))
        self.assertFalse(setup_checklist.timezone_fits_country("Asia/Shanghai", False))
        # a country the timezone database does not list takes any timezone
        self.assertIs(
            setup_checklist.timezone_fits_country("UTC", "XK"),
            "XK" not in setup_checklist.pytz.country_timezones,
        )

    def test_a_team_is_ready_with_a_leader_and_an_agent(self):
        agents = [11, 12]
        self.assertEqual(setup_checklist.team_status([], agents), ([], "no_team"))
        self.assertEqual(setup_checklist.team_status([(1, [])], agents), ([], "no_agent"))
        # a member without the agent group is not an agent
        self.assertEqual(setup_checklist.team_status([(1, [99])], agents), ([], "no_agent"))
        self.assertEqual(setup_checklist.team_status([(False, [11])], agents), ([], "no_leader"))
        # the leader of a team without agents does not make another team ready
        self.assertEqual(
            setup_checklist.team_status([(1, []), (False, [12])], agents), ([], "no_leader")
        )
        self.assertEqual(
            setup_checklist.team_status([(False, [11]), (1, [12, 99]), (2, [11])], agents),
            (
                [1, 2],
                None,
            ),
        )

    def test_mail_can_leave_through_a_server_record_or_the_configuration(self):
        self.assertFalse(setup_checklist.smtp_configured(0, "localhost"))
        self.assertFalse(setup_checklist.smtp_configured(0, False))
        self.assertTrue(setup_checklist.smtp_configured(0, "smtp.example.com"))
        self.assertTrue(setup_checklist.smtp_configured(1, "localhost"))

    def test_steps_in_the_checklist_order(self):
        self.assertEqual(
            setup_checklist.STEPS,
            (
                "company",
                "windows",
                "holidays",
                "team",
                "rules",
                "groups",
                "channels",
            ),
        )
