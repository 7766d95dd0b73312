# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stop words of the high-frequency terms: words too common to say what the
customers' problems are (的, 我们, the, please). Each company keeps its own
list, filled from the shipped default list
(``data/customer_callback_stop_words.txt``) at install and when a company is
created, and edited under Callbacks >
Configuration > Stop words."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import file_open

from ..tools import terms

DEFAULT_LIST = "customer_callback_term/data/customer_callback_stop_words.txt"


def default_stop_words():
    """The shipped list: one word a line, ``#`` starts a comment."""
    with file_open(DEFAULT_LIST, filter_ext=(".txt",)) as handle:
        words = (terms.normalize(line.split("#", 1)[0]) for line in handle)
        return list(dict.fromkeys(word for word in words if word))


class CustomerCallbackStopWord(models.Model):
    _name = "customer.callback.stop.word"
    _description = "Stop Word of the High-frequency Terms"
    _order = "word"
    _rec_name = "word"

    word = fields.Char(
        required=True,
        help="Left out of the high-frequency terms (compared lower-case). Takes effect "
        "when the terms of a month are computed again.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _word_unique = models.UniqueIndex(
        "(company_id, word)", "This stop word is already in the company's list."
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "word" in vals:
                vals["word"] = self._clean_word(vals["word"])
        return super().create(vals_list)

    def write(self, vals):
        if "word" in vals:
            vals = dict(vals, word=self._clean_word(vals["word"]))
        return super().write(vals)

    @api.model
    def _clean_word(self, word):
        cleaned = terms.normalize(word)
        if not cleaned:
            raise ValidationError(self.env._("A stop word cannot be empty."))
        return cleaned

    @api.model
    def _load_default_stop_words(self, companies=None):
        """Give each company without a list (archived words count as a list)
        the shipped default list: at install, and to each new company."""
        existing = self.env["res.company"].union(
            *(
                company
                for [company] in self.sudo()
                .with_context(active_test=False)
                ._read_group([], ["company_id"])
            )
        )
        if companies is None:
            companies = self.env["res.company"].sudo().search([("id", "not in", existing.ids)])
        words = default_stop_words()
        self.sudo().create(
            [
                {"word": word, "company_id": company.id}
                for company in companies
                if company not in existing
                for word in words
            ]
        )

    @api.model
    def _words_of(self, company):
        """The company's active stop words."""
        return set(self.sudo().search([("company_id", "=", company.id)]).mapped("word"))
