"""Search-result snippets with the query's words marked, built over stored plain text.

Wagtail's search backends do not highlight, so results mark words here, with the French analysis
the index uses (`search.french`): what a word found is what gets marked, whichever backend runs.
Pure Python, usable from any app or template tag.
"""

import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.french import WORD_RE, query_words, stem, words

ELLIPSIS = "…"

# A still-typed last word shorter than this would mark half the text ("a" → every "a…").
MIN_PREFIX_LENGTH = 3


def snippet(text, query, length=200):
    """About `length` characters of `text` around its densest cluster of query words, marked.

    Falls back to the start of the text when no word matches, so a result found through a field
    not shown (tags, a stem indexed beside the text) still gets a summary.
    """
    text = _normalise(text)
    if not text:
        return mark_safe("")  # noqa: S308 -- a constant
    matches = _matches(text, _QueryMatcher(query))
    start, end = _window(text, matches, length)
    marked = _marked(text, matches, start, end)
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if end < len(text) else ""
    return mark_safe(before + marked + after)  # noqa: S308 -- every piece escaped by _marked


def highlight_title(title, query):
    """The whole title with the query's words marked, for result headings."""
    title = _normalise(title)
    marked = _marked(title, _matches(title, _QueryMatcher(query)), 0, len(title))
    return mark_safe(marked)  # noqa: S308 -- every piece escaped by _marked


def _normalise(text):
    """Composed accents (a decomposed "é" would split a word), single spaces as HTML shows them."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


class _QueryMatcher:
    """Says whether a text word matches the query: same folded word, same stem, or (last word
    only, the user may still be typing it) a folded prefix."""

    def __init__(self, query):
        wanted = query_words(query)
        self.folded = frozenset(wanted)
        self.stems = frozenset(stem(word) for word in wanted)
        typed = words(query or "")
        last = wanted[-1] if wanted else ""
        # Only the word the query ends with may be unfinished; "anim pour" was typed to the end.
        self.prefix = last if len(last) >= MIN_PREFIX_LENGTH and typed[-1] == last else None
        self._seen = {}

    def __bool__(self):
        return bool(self.folded)

    def matches(self, word):
        # Texts repeat their words: one decision per distinct word keeps long texts cheap.
        found = self._seen.get(word)
        if found is None:
            folded = _fold_word(word)
            found = (
                folded in self.folded
                or stem(folded) in self.stems
                or (self.prefix is not None and folded.startswith(self.prefix))
            )
            self._seen[word] = found
        return found


@lru_cache(maxsize=50_000)
def _fold_word(word):
    """`fold` of one text word, cached: the same words come back from result to result."""
    return "".join(words(word))


def _matches(text, matcher):
    """(start, end) of every matching word of the text, in order."""
    if not matcher:
        return []
    return [m.span() for m in WORD_RE.finditer(text) if matcher.matches(m.group())]


def _window(text, matches, length):
    """(start, end) of the window to show: the most matches within `length`, cut between words.

    Two pointers over the matches keep this linear; ties go to the earliest cluster.
    """
    if not matches:
        return 0, _cut_end(text, 0, min(len(text), length))
    best_first, best_last, best_count = 0, 0, 0
    last = 0
    for first, (first_start, _) in enumerate(matches):
        last = max(last, first)
        while last + 1 < len(matches) and matches[last + 1][1] - first_start <= length:
            last += 1
        if last - first + 1 > best_count:
            best_first, best_last, best_count = first, last, last - first + 1
    cluster_start, cluster_end = matches[best_first][0], matches[best_last][1]
    # Share the room left between both sides; near an end of the text, give it all to the other.
    room = max(0, length - (cluster_end - cluster_start))
    start = max(0, min(cluster_start - room // 2, len(text) - length))
    end = min(len(text), max(cluster_end, start + length))
    return _cut_start(text, start, cluster_start), _cut_end(text, cluster_end, end)


def _cut_start(text, start, limit):
    """Move `start` forward to the beginning of a word, never past `limit`."""
    if start == 0 or text[start - 1] == " ":
        return start
    space = text.find(" ", start, limit)
    return limit if space == -1 else space + 1


def _cut_end(text, limit, end):
    """Move `end` back to the end of a word, never before `limit`."""
    if end == len(text) or text[end] == " ":
        return end
    space = text.rfind(" ", limit, end)
    if space == -1:
        return limit if limit > 0 else end  # one word longer than the window: show it whole-ish
    return space


def _marked(text, matches, start, end):
    """text[start:end], escaped, with each match inside it wrapped in <mark>."""
    pieces = []
    position = start
    for match_start, match_end in matches:
        if match_start < start or match_end > end:
            continue
        pieces.append(escape(text[position:match_start]))
        pieces.append("<mark>" + escape(text[match_start:match_end]) + "</mark>")
        position = match_end
    pieces.append(escape(text[position:end]))
    return "".join(pieces)
