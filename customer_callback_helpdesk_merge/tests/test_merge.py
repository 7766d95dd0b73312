# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import Form, tagged

from odoo.addons.customer_callback_survey.tests.common import DUE, SurveyCase


@tagged("post_install", "-at_install")
class TestMergeKeepsTheFollowUp(SurveyCase):
    def make_followed_complaint(self, partner, name):
        """A closed complaint surveyed, with a callback and its attempt."""
        ticket = self.make_ticket(partner, name=name)
        request = self.close(ticket)
        callback = self.make_callback(partner, ticket_id=ticket.id)
        callback.with_context(attempt_result="no_answer").action_log_attempt()
        return ticket, request, callback

    def merge(self, tickets, into=None, **values):
        wizard_form = Form(
            self.env["helpdesk.ticket.merge"].with_context(
                active_model="helpdesk.ticket", active_ids=tickets.ids
            )
        )
        if into:
            wizard_form.dst_ticket_id = into
        for name, value in values.items():
            setattr(wizard_form, name, value)
        wizard = wizard_form.save()
        wizard.merge_tickets()
        return wizard.dst_ticket_id

    def test_merging_two_complaints_keeps_both_follow_ups(self):
        self.partner_paris.email = "claire@example.com"
        kept, kept_request, kept_callback = self.make_followed_complaint(
            self.partner_sh, "Leaking purifier"
        )
        merged, merged_request, merged_callback = self.make_followed_complaint(
            self.partner_paris, "Purifier leaks again"
        )
        self.send(now=DUE)
        self.assertEqual((kept_request | merged_request).mapped("state"), ["sent", "sent"])
        merged_input = merged_request.user_input_id
        attempts = (kept_callback | merged_callback).attempt_ids
        self.assertEqual(len(attempts), 2)

        survivor = self.merge(kept | merged, into=kept)

        self.assertEqual(survivor, kept)
        self.assertFalse(merged.active, "helpdesk_mgmt_merge archives the merged ticket")
        self.assertEqual(survivor.callback_ids, kept_callback | merged_callback)
        self.assertEqual(survivor.callback_count, 2)
        self.assertEqual(survivor.callback_ids.attempt_ids, attempts)
        self.assertEqual(survivor.survey_request_ids, kept_request | merged_request)
        self.assertEqual(merged_request.merged_from_ticket_id, merged)
        self.assertFalse(kept_request.merged_from_ticket_id)
        self.assertEqual(merged_request.partner_id, self.partner_paris, "asked who was asked")
        self.assertEqual(merged_input.ticket_id, survivor)
        self.assertFalse(
            self.env["customer.callback"].search([("ticket_id", "=", merged.id)]),
            "nothing follows up the archived ticket any more",
        )
        # the answer of the moved survey scores the surviving ticket
        self.answer(merged_input, [4, 4, 4, 4])
        self.assertEqual(merged_request.state, "answered")
        self.assertEqual(survivor.survey_score, 4)

    def test_merge_into_a_new_ticket_and_survey_it_when_it_closes(self):
        first, first_request, first_callback = self.make_followed_complaint(
            self.partner_sh, "Leaking purifier"
        )
        second, second_request, second_callback = self.make_followed_complaint(
            self.partner_sh, "Purifier leaks again"
        )
        self.send(now=DUE)
        self.assertEqual(first_request.state, "sent")
        self.assertEqual(second_request.state, "skipped_cap", "one survey per fatigue period")
        survivor = self.merge(
            first | second,
            create_new_ticket=True,
            dst_ticket_name="Purifier leaks",
            dst_helpdesk_team_id=self.team,
        )
        self.assertNotIn(survivor, first | second)
        self.assertEqual(survivor.callback_ids, first_callback | second_callback)
        self.assertEqual(survivor.survey_request_ids, first_request | second_request)
        self.assertEqual((first_request | second_request).merged_from_ticket_id, first | second)
        # the new ticket, a complaint closed in turn, is queued its own request
        survivor.write({"is_complaint": True, "resolution_summary": "Seal replaced."})
        own = self.close(survivor) - first_request - second_request
        self.assertEqual(len(own), 1)
        self.assertFalse(own.merged_from_ticket_id)
        self.assertEqual(own.trigger, "complaint")
        # the customer was surveyed already: the contact cap skips this one
        self.send(now=DUE)
        self.assertEqual(own.state, "skipped_cap")
