# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from ..tools import survey_score

# The satisfaction questions the demo data answers (_demo_answer), in order.
DEMO_QUESTIONS = ("overall", "attitude", "speed", "effectiveness")


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Ticket",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
    )
    callback_id = fields.Many2one(
        "customer.callback",
        string="Callback",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
    )
    callback_request_ids = fields.One2many(
        "customer.callback.survey.request", "user_input_id", string="Survey requests"
    )
    callback_score = fields.Integer(
        string="Satisfaction",
        readonly=True,
        aggregator="avg",
        copy=False,
        help="Overall score on the 5-point scale: the rounded mean of the satisfaction "
        "questions (5 very satisfied … 1 very dissatisfied).",
    )
    callback_consent = fields.Boolean(string="May be contacted again", readonly=True, copy=False)
    callback_suggestion = fields.Text(string="Suggestion", readonly=True, copy=False)
    callback_personal_link_url = fields.Char(
        string="Personal link",
        compute="_compute_callback_personal_link_url",
        help="The customer's personal page (contact preferences), put in the survey messages.",
    )

    @api.model
    def _callback_company_domain(self):
        """The answers the current user may reach (on top of survey's own
        rules): those of the suite's complaints and callbacks of her allowed
        companies, and every other answer. Applied as a global record rule
        (models/ir_rule.py)."""
        company_ids = self.env.companies.ids
        return (
            Domain("ticket_id", "=", False) | Domain("ticket_id.company_id", "in", company_ids)
        ) & (
            Domain("callback_id", "=", False) | Domain("callback_id.company_id", "in", company_ids)
        )

    def _compute_callback_personal_link_url(self):
        Link = self.env["customer.callback.link"].sudo()
        for user_input in self:
            request = user_input.sudo().callback_request_ids[:1]
            link = (
                Link.search(
                    [
                        ("partner_id", "=", user_input.partner_id.id),
                        ("company_id", "=", request.company_id.id),
                        ("purpose", "=", "survey"),
                        ("revoked_date", "=", False),
                    ],
                    limit=1,
                )
                if request and user_input.partner_id
                else Link
            )
            user_input.callback_personal_link_url = (
                link._url() if link and link.state == "valid" else False
            )

    def _mark_done(self):
        """The survey controller calls this when the customer submits: the
        answer's score goes back to the callback suite."""
        result = super()._mark_done()
        self._callback_process_answers()
        return result

    def _callback_process_answers(self):
        inputs = self.sudo().filtered(
            lambda i: i.state == "done"
            and not i.test_entry
            and (i.ticket_id or i.callback_id or i.callback_request_ids)
        )
        if not inputs:
            return
        now = fields.Datetime.now()
        values = inputs._callback_read_answers()
        for user_input in inputs:
            score, consent, suggestion = values[user_input.id]
            user_input.write(
                {
                    "callback_score": score or False,
                    "callback_consent": consent,
                    "callback_suggestion": suggestion or False,
                }
            )
        inputs.callback_request_ids._mark_answered(now)
        inputs._callback_write_back_scores()
        inputs._callback_create_followups()

    def _callback_read_answers(self):
        """(score, consent, suggestion) per answer, from one read of the lines."""
        lines = (
            self.env["survey.user_input.line"]
            .sudo()
            .search(
                [
                    ("user_input_id", "in", self.ids),
                    ("question_id.callback_role", "!=", False),
                    ("skipped", "=", False),
                ]
            )
        )
        scores = defaultdict(list)
        consent = defaultdict(bool)
        suggestion = defaultdict(list)
        for line in lines:
            role = line.question_id.callback_role
            key = line.user_input_id.id
            if role == "satisfaction" and line.answer_type == "suggestion":
                scores[key].append(line.suggested_answer_id.answer_score)
            elif role == "consent" and line.answer_type == "suggestion":
                consent[key] = consent[key] or line.suggested_answer_id.answer_score > 0
            elif role == "suggestion":
                text = line.value_text_box or line.value_char_box
                if text:
                    suggestion[key].append(text.strip())
        return {
            user_input.id: (
                survey_score.overall_score(scores[user_input.id]),
                consent[user_input.id],
                "\n".join(suggestion[user_input.id]),
            )
            for user_input in self
        }

    def _callback_write_back_scores(self):
        """Score to the ticket (``survey_score``) and to the callback: its
        ``survey_score``, and its ``score`` when the agent recorded none."""
        for user_input in self.filtered("callback_score"):
            score = user_input.callback_score
            if user_input.ticket_id:
                user_input.ticket_id.survey_score = score
            callback = user_input.callback_id
            if callback:
                vals = {"survey_score": score}
                if not callback.score:
                    vals["score"] = score
                callback.write(vals)

    def _callback_company(self):
        self.ensure_one()
        request = self.callback_request_ids[:1]
        return (
            request.company_id
            or self.callback_id.company_id
            or self.ticket_id.company_id
            or self.env.company
        )

    def _callback_supervisor(self, company):
        """Who calls back: the team leader of the ticket or callback, else the
        company's callback supervisor, else the administrator."""
        self.ensure_one()
        team = (
            self.callback_id.team_id
            or self.ticket_id.team_id
            or self.callback_request_ids[:1].team_id
        )
        return self.env["customer.callback"]._callback_responsible(company, team)

    def _callback_create_followups(self):
        """One supervisor callback per low-scored answer (003 step 5), kept
        single by the callbacks' unique (customer, rule, period key) index."""
        low = self.filtered(
            lambda i: survey_score.needs_followup(
                i.callback_score or None, i._callback_company().callback_survey_followup_score
            )
            and i.partner_id
            and not i.partner_id.callback_do_not_call
        )
        if not low:
            return self.env["customer.callback"]
        Callback = self.env["customer.callback"].sudo().with_context(active_test=False)
        existing = set(
            Callback.search([("period_key", "in", [f"SV{i.id}" for i in low])]).mapped("period_key")
        )
        vals_list, sources = [], {}
        for user_input in low:
            key = f"SV{user_input.id}"
            if key in existing:
                continue
            company = user_input._callback_company()
            rule = company._callback_survey_followup_rule()
            supervisor = user_input._callback_supervisor(company)
            team = user_input.callback_id.team_id or user_input.ticket_id.team_id
            vals_list.append(
                {
                    "partner_id": user_input.partner_id.id,
                    "company_id": company.id,
                    "rule_id": rule.id,
                    "segment": "feedback_history",
                    "period_key": key,
                    "user_id": supervisor.id,
                    "team_id": team.id,
                    "channel": "phone",
                    "ticket_id": user_input.ticket_id.id,
                    "source_callback_id": user_input.callback_id.id,
                    "survey_input_id": user_input.id,
                    "important": True,
                    "feedback": user_input.callback_suggestion or False,
                    "next_action": self.env._(
                        "Find the cause of the low satisfaction and plan a fix."
                    ),
                }
            )
            sources[key] = user_input
        if not vals_list:
            return self.env["customer.callback"]
        # the contact-fatigue cap applies, like to every other callback
        followups = Callback._plan_callbacks(vals_list)
        for followup in followups:
            user_input = sources[followup.period_key]
            user_input.callback_request_ids.write({"followup_callback_id": followup.id})
            # in the language of the one who calls back (else the company's): the
            # answer comes from the customer, in his language or none (#29)
            env = followup.with_context(
                lang=followup.user_id.lang or followup.company_id.partner_id.lang or self.env.lang
            ).env
            consent = (
                env._("The customer agreed to be contacted again.")
                if user_input.callback_consent
                else env._(
                    "The customer did not agree to be contacted again: review the answers before calling."  # noqa: E501
                )
            )
            followup.message_post(
                body=Markup("<p>%s</p><p>%s</p><p><a href='%s'>%s</a></p>")
                % (
                    env._(
                        "Satisfaction survey answered with an overall score of %s/5.",
                        user_input.callback_score,
                    ),
                    consent,
                    user_input.get_print_url(),
                    env._("See the answers"),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return followups

    # Helper of the demo data (demo/customer_callback_survey_demo.xml): a
    # customer answers the satisfaction survey that was sent to them, as the
    # survey controller records it (one _save_lines per question, then
    # _mark_done), so the score flows back to the ticket, the callback and the
    # customer exactly as for a real answer. The answers are created by the
    # sending, so they have no XML id to refer to.
    @api.model
    def _demo_answer(
        self,
        ticket_id=False,
        callback_id=False,
        scores=(),
        suggestion="",
        consent=True,
        submit=True,
    ):
        """Answer the survey sent after ``ticket_id`` or ``callback_id``:
        ``scores`` for the satisfaction questions in order (fewer: the
        customer stopped there), the suggestion and the consent. Without
        ``submit`` the survey stays opened, not submitted."""
        domain = [("state", "=", "sent")]
        if callback_id:
            domain.append(("callback_id", "=", callback_id))
        else:
            domain += [("ticket_id", "=", ticket_id), ("callback_id", "=", False)]
        request = self.env["customer.callback.survey.request"].search(domain, limit=1)
        user_input = request.user_input_id.sudo()
        if not user_input:
            return False
        ref = self.env.ref
        user_input._mark_in_progress()
        for key, score in zip(DEMO_QUESTIONS, scores, strict=False):
            question = ref(f"customer_callback_survey.survey_satisfaction_q_{key}")
            answer = ref(f"customer_callback_survey.survey_satisfaction_q_{key}_a{score}")
            user_input._save_lines(question, str(answer.id))
        if not submit:
            return True
        user_input._save_lines(
            ref("customer_callback_survey.survey_satisfaction_q_suggestion"), suggestion
        )
        consent_answer = ref(
            "customer_callback_survey.survey_satisfaction_q_consent_" + ("yes" if consent else "no")
        )
        user_input._save_lines(
            ref("customer_callback_survey.survey_satisfaction_q_consent"), str(consent_answer.id)
        )
        user_input._mark_done()
        return True
