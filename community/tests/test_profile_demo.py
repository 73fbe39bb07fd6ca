"""The demo gives every demo person a filled profile and puts the directory in the menu."""

import pytest

from community.demo import PEOPLE
from community.demo_profiles import load
from community.demo_registry import DemoReport
from community.models import Profile, TrainerDirectoryPage, User, Visibility


@pytest.mark.usefixtures("demo_content")
class TestDemoProfiles:
    def test_every_demo_person_has_a_profile_and_the_directory_lists_them(self, client):
        emails = [f"{person[2]}@atelier.example" for person in PEOPLE]
        profiles = Profile.objects.filter(user__email__in=emails)
        assert profiles.count() == len(PEOPLE)
        assert all(profile.bio and profile.skills.exists() for profile in profiles)
        assert all(profile.themes.exists() for profile in profiles)
        assert profiles.filter(visibility=Visibility.TEAM).count() >= 2
        assert profiles.filter(available_to_facilitate=True).count() >= 4

        directory = TrainerDirectoryPage.objects.get()
        assert directory.live and directory.show_in_menus
        client.force_login(User.objects.get(email="marc.dubois@atelier.example"))
        response = client.get(directory.url)
        html = response.content.decode()
        assert f'href="{directory.url}"' in html  # in the main menu
        assert "Nathalie Girard" in html
        assert "Julien Roux" not in html  # his profile is for the training team only
        assert "@atelier.example" not in html

        nathalie = Profile.objects.get(user__email="nathalie.girard@atelier.example")
        client.force_login(User.objects.get(email="claire.moreau@atelier.example"))
        html = client.get(directory.profile_url(nathalie)).content.decode()
        assert "Séances animées" in html and "Dans la bibliothèque" in html
        assert "Badges" in html

        report = DemoReport()
        load(report)
        assert not report.created  # re-running changes nothing
