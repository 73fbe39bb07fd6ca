"""Search snippets: which words are marked, which window is shown, and that no HTML leaks."""

import re
import time

import pytest
from django.utils.safestring import SafeString

from search.highlight import highlight_title, snippet

FILLER = "Les agents partagent leurs pratiques entre collègues de la collectivité. "


def marked(html):
    """The words inside <mark>, in order."""
    return re.findall(r"<mark>(.*?)</mark>", html)


def test_accents_and_case_are_ignored_and_the_original_is_kept():
    html = snippet("Évaluation à chaud d'une FORMATION", "evaluation formation")
    assert marked(html) == ["Évaluation", "FORMATION"]


def test_decomposed_accents_still_form_one_word():
    html = snippet("E\u0301valuation des acquis", "évaluation")
    assert marked(html) == ["Évaluation"]


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Une formation courte", "formations", ["formation"]),
        ("Nos formations", "formation", ["formations"]),
        ("L'animation d'un atelier", "animer", ["animation"]),
        ("Les ateliers du mois", "atelier", ["ateliers"]),
    ],
)
def test_plurals_and_french_stems_match(text, query, expected):
    assert marked(snippet(text, query)) == expected


def test_the_last_query_word_matches_as_a_prefix():
    html = snippet("Animateur, animatrice et brise-glace", "brise anim")
    assert marked(html) == ["Animateur", "animatrice", "brise"]


def test_only_the_last_word_is_a_prefix_and_only_from_three_letters():
    text = "Photolangage et brise-glace"
    assert marked(snippet(text, "photo glace")) == ["glace"]
    assert marked(snippet(text, "ph")) == []
    # The user typed "photo" then went on: it is a finished word, not a prefix.
    assert marked(snippet(text, "photo pour")) == []
    assert marked(snippet(text, "photo")) == ["Photolangage"]


def test_several_query_words_are_all_marked_and_stop_words_are_not():
    html = snippet("Un atelier pour les managers de la ville", "atelier pour managers")
    assert marked(html) == ["atelier", "managers"]


def test_a_match_near_the_end_of_a_long_text_is_shown_with_an_ellipsis_before():
    text = FILLER * 40 + "Le photolangage ouvre la séance."
    html = snippet(text, "photolangage")
    assert html.startswith("…")
    assert not html.endswith("…")
    assert marked(html) == ["photolangage"]
    assert len(html) < 260


def test_the_window_goes_where_most_words_match():
    text = (
        "Une formation. "
        + FILLER * 20
        + "Formation de formateurs, formation continue. "
        + FILLER * 20
    )
    html = snippet(text, "formation", length=120)
    assert marked(html) == ["Formation", "formation"]
    assert html.startswith("…") and html.endswith("…")


def test_the_window_is_cut_between_words():
    text = FILLER * 10 + "Le photolangage. " + FILLER * 10
    html = snippet(text, "photolangage", length=80)
    visible = html.strip("…").replace("<mark>", "").replace("</mark>", "")
    assert visible in text
    words_of_text = set(text.split())
    assert visible.split()[0] in words_of_text
    assert visible.split()[-1] in words_of_text


def test_a_text_without_match_shows_its_start():
    text = FILLER * 10
    html = snippet(text, "photolangage", length=100)
    assert html.startswith("Les agents partagent")
    assert html.endswith("…")
    assert "<mark>" not in html
    assert len(html) <= 101


def test_a_short_text_is_shown_whole_without_ellipsis():
    assert snippet("Brise-glace en binôme", "binome") == "Brise-glace en <mark>binôme</mark>"


@pytest.mark.parametrize("text", [None, "", "   "])
def test_empty_text_gives_an_empty_snippet(text):
    assert snippet(text, "formation") == ""
    assert highlight_title(text, "formation") == ""


@pytest.mark.parametrize("query", [None, "", "   ", "?!"])
def test_an_empty_query_marks_nothing(query):
    assert "<mark>" not in snippet("Une formation pour tous", query)


def test_a_query_of_stop_words_only_marks_them_as_the_search_looked_for_them():
    assert marked(snippet("Une formation pour tous", "pour qui ?")) == ["pour"]


def test_hostile_text_is_escaped():
    html = snippet("<script>alert(1)</script> & \"quotes\" 'single'", "script")
    assert isinstance(html, SafeString)
    assert "<script" not in html
    assert html.startswith("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;")
    assert "&amp; &quot;quotes&quot; &#x27;single&#x27;" in html


@pytest.mark.parametrize(
    "query",
    [
        '"formation',
        "formation*",
        "<b>formation</b>",
        "formation NEAR atelier",
        "formation OR atelier",
        'formation" onmouseover="x',
        "formation " + "x" * 1000,
        " ".join(["formation"] * 300),
    ],
)
def test_hostile_queries_mark_words_and_inject_nothing(query):
    html = snippet("Une <b>formation</b> en atelier", query)
    assert "formation" in marked(html)
    assert "<b>" not in html
    assert "onmouseover" not in html
    assert html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_the_title_is_marked_whole():
    title = "Animer une formation : " + "très " * 60 + "longue"
    html = highlight_title(title, "formations longue")
    assert marked(html) == ["formation", "longue"]
    assert "…" not in html
    assert isinstance(html, SafeString)


def test_a_title_is_escaped():
    assert highlight_title("Q&A <i>atelier</i>", "atelier") == (
        "Q&amp;A &lt;i&gt;<mark>atelier</mark>&lt;/i&gt;"
    )


def test_long_texts_stay_fast():
    text = (FILLER + "La formation des formateurs évalue l'animation. ") * 300
    started = time.perf_counter()
    for _ in range(20):
        snippet(text, "formation animer")
    # 20 snippets of a 36,000-character text: far below this on any machine when linear.
    assert time.perf_counter() - started < 2
