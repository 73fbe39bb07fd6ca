"""Messages render safely: no HTML from people, only paragraphs, lists, bold, links and
mentions."""

import pytest

from community.factories import UserFactory
from community.models import Profile
from community.models.profiles import Visibility
from discussions import mentions
from discussions.text import render, render_all


def html(body):
    return str(render(body))


class TestSafety:
    def test_script_is_text(self):
        out = html('<script>alert("x")</script>')
        assert "<script" not in out
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out

    def test_attributes_and_tags_are_text(self):
        out = html('<img src=x onerror="alert(1)"> <a href="http://x.fr" onclick="y()">z</a>')
        assert "<img" not in out and '<a href="http://x.fr" onclick' not in out
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out

    @pytest.mark.parametrize(
        "body",
        [
            "javascript:alert(1)",
            "[clic](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
        ],
    )
    def test_no_javascript_links(self, body):
        out = html(body)
        assert "href" not in out
        assert "javascript:alert(1)" in out or "data:" in out

    def test_markdown_html_and_headings_stay_text(self):
        out = html("# Titre\n\n> citation\n\n![img](http://x.fr/a.png)")
        assert "<h1>" not in out and "<blockquote>" not in out and "<img" not in out


class TestFormatting:
    def test_paragraphs_and_line_breaks(self):
        assert html("Un\ndeux\n\nTrois") == "<p>Un<br>\ndeux</p>\n<p>Trois</p>\n"

    def test_bold(self):
        assert "<strong>important</strong>" in html("C'est **important**.")

    def test_lists(self):
        out = html("Étapes :\n\n- un\n* deux\n\n1. premier\n2. second")
        assert "<ul>" in out and "<li>un</li>" in out
        assert "<ol>" in out and "<li>second</li>" in out

    def test_links_are_automatic_and_nofollow(self):
        out = html("Voir https://intranet.exemple.fr/formation?a=1&b=2 et www.mairie.fr")
        assert (
            '<a href="https://intranet.exemple.fr/formation?a=1&amp;b=2" '
            'rel="nofollow noopener">https://intranet.exemple.fr/formation?a=1&amp;b=2</a>'
        ) in out
        assert 'href="http://www.mairie.fr" rel="nofollow noopener"' in out

    def test_email_address_is_not_a_mention(self, db):
        UserFactory(first_name="Exemple", last_name="Fr")
        assert "mention" not in html("Écrivez à marc@exemple.fr")


@pytest.fixture
def elodie(db):
    return UserFactory(first_name="Élodie", last_name="Martin")


class TestMentions:
    def test_parsing_is_case_insensitive_with_accents_kept(self, elodie):
        assert mentions.find("Merci @élodie MARTIN !") == [elodie]
        assert mentions.find("Merci @Elodie Martin") == []
        assert mentions.find("Merci @Élodie") == []
        assert mentions.find("Merci @Élodie Martinez") == []
        assert mentions.find("Écrivez à test@Élodie Martin") == []

    def test_several_people_and_homonyms(self, elodie):
        marc = UserFactory(first_name="Marc", last_name="Dubois")
        homonym = UserFactory(first_name="Marc", last_name="Dubois")
        found = mentions.find("@Marc Dubois et @Élodie Martin, et encore @marc dubois")
        assert found == [marc, homonym, elodie]

    def test_longest_name_wins(self, elodie):
        longer = UserFactory(first_name="Élodie", last_name="Martin-Roux")
        assert mentions.find("@Élodie Martin-Roux") == [longer]

    def test_deleted_and_inactive_people_are_ignored(self, elodie):
        gone = UserFactory(first_name="Paul", last_name="Roux", is_active=False)
        assert gone.pk
        elodie.deleted_at = elodie.date_joined
        elodie.save()
        assert mentions.find("@Élodie Martin @Paul Roux") == []

    def test_mention_links_to_a_visible_profile(self, elodie, home_page):
        from community.models import TrainerDirectoryPage

        directory = TrainerDirectoryPage(title="Annuaire", slug="annuaire")
        home_page.add_child(instance=directory)
        out = html("Bonjour @Élodie Martin !")
        profile = Profile.objects.get(user=elodie)
        assert f'<a class="mention" href="/annuaire/{profile.pk}/">@Élodie Martin</a>' in out

    def test_hidden_profile_is_not_linked(self, elodie, home_page):
        Profile.objects.filter(user=elodie).update(visibility=Visibility.TEAM)
        out = html("Bonjour @Élodie Martin")
        assert '<span class="mention">@Élodie Martin</span>' in out

    def test_mention_with_html_is_escaped(self, db):
        UserFactory(first_name="Jean<b>", last_name="Dupont")
        assert "<b>" not in html("@Jean<b> Dupont")

    def test_render_all_queries_do_not_grow(self, elodie, django_assert_max_num_queries):
        from types import SimpleNamespace

        few = [SimpleNamespace(body="@Élodie Martin salut") for _ in range(2)]
        many = [SimpleNamespace(body=f"@Élodie Martin salut {n}") for n in range(50)]
        with django_assert_max_num_queries(4):
            render_all(few)
        with django_assert_max_num_queries(4):
            render_all(many)
        assert "mention" in str(many[-1].html)
