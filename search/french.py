"""French text analysis shared by the index, the query and the highlighter.

One definition of a "word" and of its stem, so that what is indexed, what is searched and what is
highlighted always agree. Stems come from the Snowball French stemmer, applied to accent-free
lower-case words (an agent types "evaluation" as often as "évaluation").
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Words that carry no meaning in a query ("un brise-glace pour 12 personnes"). Short on purpose:
# a word left out here still matches, it only makes an AND query stricter.
STOP_WORDS = frozenset(
    (
        "a au aux avec ce ces cet cette dans de des du elle en et il ils je la le les leur leurs "
        "lui ma mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses "
        "son sur ta te tes toi ton tu un une vos votre vous y d l j m n s t c qu est sont the of "
        "and to for in comment quoi quel quelle quels quelles"
    ).split()
)

# Letters and digits; apostrophes, hyphens and every operator of FTS5 or tsquery split words.
WORD_RE = re.compile(r"[^\W_]+")

MAX_QUERY_WORDS = 12
MAX_QUERY_LENGTH = 200  # characters read of what was typed

_stemmer = snowballstemmer.stemmer("french")


# Superscripts and subscripts ("TRUC²") end a word, as PostgreSQL's parser reads them: NFKD
# would glue their digit to the word ("truc2") and FTS5 keeps them in it ("truc²"), so neither
# "truc" nor "Truc²" found the school's series on SQLite.
_SCRIPTS = {
    code: " "
    for code in range(0xA0, 0x2100)
    if unicodedata.decomposition(chr(code)).startswith(("<super>", "<sub>"))
}


def split_scripts(text):
    """``text`` with its superscript and subscript characters turned into spaces."""
    return text.translate(_SCRIPTS)


def fold(text):
    """Lower-case and accent-free, as SQLite FTS5 and PostgreSQL's unaccent compare words."""
    decomposed = unicodedata.normalize("NFKD", split_scripts(text.casefold()))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The folded words of a text, in order."""
    return WORD_RE.findall(fold(text))


# Plurals the Snowball stemmer leaves alone (-eux is an adjective ending to it: "heureux").
IRREGULAR_PLURALS = {
    "jeux": "jeu",
    "enjeux": "enjeu",
    "lieux": "lieu",
    "milieux": "milieu",
    "feux": "feu",
    "voeux": "voeu",
    "cheveux": "cheveu",
    "neveux": "neveu",
    "travaux": "travail",
    "yeux": "oeil",
}
_PLURAL_OF = {singular: plural for plural, singular in IRREGULAR_PLURALS.items()}


@lru_cache(maxsize=50_000)
def stem(word):
    """The Snowball French stem of a folded word ("formations" → "format", "jeux" → "jeu")."""
    return _stemmer.stemWord(IRREGULAR_PLURALS.get(word, word))


def forms(word):
    """The word and its irregular singular or plural, for a backend whose stemmer cannot be
    taught them (PostgreSQL's french_stem): "jeux" → ["jeux", "jeu"]."""
    other = IRREGULAR_PLURALS.get(word) or _PLURAL_OF.get(word)
    return [word, other] if other else [word]


def query_words(query):
    """The words of a user's query worth searching: no stop words, no bare numbers (the "12"
    of "pour 12 personnes" is a group size, not text), no operators, at most 12.

    Falls back to every word when the query is made only of such words ("pour qui ?").
    """
    found = words(query or "")
    meaningful = [word for word in found if word not in STOP_WORDS and not word.isdigit()]
    return (meaningful or found)[:MAX_QUERY_WORDS]


def extra_stems(text):
    """The stems of a text that differ from its words, to index beside the text itself.

    Indexed next to the original words, they let "formations" find "formation" on a backend
    that does not stem, while an exact word still matches exactly.
    """
    found = words(text)
    present = set(found)
    stems = dict.fromkeys(stem(word) for word in found if word not in STOP_WORDS)
    return " ".join(s for s in stems if s not in present)
