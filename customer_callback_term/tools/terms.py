# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The words customers use (SOP 003 step 5, monthly review): segmentation of
Chinese and English free text with jieba, counting of terms and two-word
phrases per key (a category), stop words, punctuation and numbers left out.

Pure functions: no ORM. A text is cut into clauses at punctuation and line
breaks; each clause into words by jieba (Chinese) and at spaces (English,
lower-cased). A word is kept when it has at least two characters, is not a
number, not punctuation and not a stop word; two words kept one after the
other in the same clause make a phrase (Chinese words joined as written,
English ones with a space)."""

import logging
import re
import unicodedata
from collections import Counter, defaultdict

import jieba

# jieba logs its dictionary loading at INFO/DEBUG on the root of its logger
jieba.setLogLevel(logging.WARNING)

MIN_LENGTH = 2
# digits, with decimal separators, signs, percent and units that are numbers
# in all but name (3, 3.5, 50%, 2026-11, 1/2, 第3, 3次, 三天 stay: words)
_NUMBER = re.compile(r"^[+\-]?\d[\d.,:/\-%]*$")
_ASCII_WORD = re.compile(r"^[0-9a-z][0-9a-z'\-]*$")
_CLAUSE_BREAK = re.compile(r"[\n\r\t.。！？!?；;，,、：:…()（）\[\]【】「」『』《》<>\"“”]+")

_tokenizer = None


def _cut(text):
    global _tokenizer  # pylint: disable=global-statement
    if _tokenizer is None:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        _tokenizer = tokenizer
    return _tokenizer.cut(text, HMM=True)


def _is_punctuation(word):
    return all(unicodedata.category(char)[0] in "PSZC" for char in word)


def normalize(word):
    """A stop word or term as compared: stripped, lower-cased, full-width
    Latin letters and digits made half-width."""
    return unicodedata.normalize("NFKC", word or "").strip().lower()


def keep(word, stop_words):
    """Whether ``word`` (normalized) counts as a term."""
    return (
        len(word) >= MIN_LENGTH
        and not word.isspace()
        and not _is_punctuation(word)
        and not _NUMBER.match(word)
        and word not in stop_words
    )


def clauses(text, stop_words):
    """The kept words of ``text``, clause by clause: [[word, ...], ...]."""
    result = []
    for clause in _CLAUSE_BREAK.split(normalize(text)):
        if not clause.strip():
            continue
        words = [word.strip() for word in _cut(clause)]
        kept = [word for word in words if word and keep(word, stop_words)]
        if kept:
            result.append(kept)
    return result


def join(first, second):
    """Two words as a phrase: English words with a space, others as written."""
    if _ASCII_WORD.match(first) and _ASCII_WORD.match(second):
        return f"{first} {second}"
    return first + second


def terms_of(text, stop_words):
    """(terms, phrases) of one text, each a Counter of occurrences."""
    terms, phrases = Counter(), Counter()
    for words in clauses(text, stop_words):
        terms.update(words)
        phrases.update(join(a, b) for a, b in zip(words, words[1:], strict=False))
    return terms, phrases


class TermCounter:
    """Terms and phrases counted per key over records.

    ``add(key, record, texts)`` counts the texts of one record (a callback
    with its feedback and attempt notes, a ticket with its description): each
    term counts once per record in ``records`` (how many records mention it)
    and each time it occurs in ``occurrences``; the record is remembered."""

    def __init__(self, stop_words=()):
        self.stop_words = frozenset(normalize(word) for word in stop_words if normalize(word))
        # {(key, kind, term): [occurrences, {record, ...}]}
        self._counts = defaultdict(lambda: [0, set()])

    def add(self, key, record, texts):
        terms, phrases = Counter(), Counter()
        for text in texts:
            if text:
                text_terms, text_phrases = terms_of(text, self.stop_words)
                terms.update(text_terms)
                phrases.update(text_phrases)
        for kind, counter in (("term", terms), ("phrase", phrases)):
            for term, occurrences in counter.items():
                entry = self._counts[(key, kind, term)]
                entry[0] += occurrences
                entry[1].add(record)

    def top(self, limit):
        """The ``limit`` most mentioned terms and phrases of each key and kind:
        [{"key", "kind", "term", "records": count, "occurrences", "refs": set}]
        ordered by key, kind, records (most first), occurrences, term."""
        groups = defaultdict(list)
        for (key, kind, term), (occurrences, records) in self._counts.items():
            groups[(key, kind)].append(
                {
                    "key": key,
                    "kind": kind,
                    "term": term,
                    "records": len(records),
                    "occurrences": occurrences,
                    "refs": records,
                }
            )
        result = []
        for key_kind in sorted(groups, key=lambda item: (str(item[0]), item[1])):
            rows = sorted(
                groups[key_kind],
                key=lambda row: (-row["records"], -row["occurrences"], row["term"]),
            )
            result.extend(rows[:limit])
        return result


def merge_top(rows, limit):
    """Terms summed over keys and periods: ``rows`` of (term, records,
    occurrences) give the ``limit`` most mentioned [(term, records,
    occurrences)], most first."""
    totals = defaultdict(lambda: [0, 0])
    for term, records, occurrences in rows:
        totals[term][0] += records
        totals[term][1] += occurrences
    ordered = sorted(totals.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
    return [(term, records, occurrences) for term, (records, occurrences) in ordered[:limit]]
