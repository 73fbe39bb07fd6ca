"""``@Prénom Nom`` in a message: who it names, for the notification and the profile link.

A mention is matched against active people's first and last names, case-insensitively with
accents kept (« @élodie martin » names Élodie Martin, « @Elodie Martin » does not). Names are
read in one query for any number of messages, so a page with many messages does not make a
query per message.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q

from discussions.hosts import active_people

# Where a mention may start: "@" not glued to a word (e-mail addresses stay addresses).
START = re.compile(r"(?<![\w@.])@(\w[\w'’-]*)")
MAX_CANDIDATES = 20  # first words looked up per call: a message full of "@" stays one query


@dataclass
class Person:
    """A name that mentions match: the people who bear it (homonyms share one entry) and the
    profile page to link to, when exactly one person bears it and their profile is public."""

    name: str
    users: list = field(default_factory=list)
    url: str | None = None


def full_name(user):
    return " ".join(f"{user.first_name} {user.last_name}".split())


def _name_pattern(name):
    """The name with any run of spaces between its words, case-insensitive, whole words."""
    words = [re.escape(word) for word in name.split()]
    return re.compile(r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def people_in(bodies, with_links=False):
    """{casefolded full name: Person} for the people whose first name starts a mention in
    ``bodies``: one query (three with links), whatever the number of bodies."""
    words = []
    for body in bodies:
        for match in START.finditer(body or ""):
            word = match.group(1)
            if word.casefold() not in {w.casefold() for w in words}:
                words.append(word)
    words = words[:MAX_CANDIDATES]
    if not words:
        return {}
    # iregex: case-insensitive beyond ASCII on SQLite (Python's re) and PostgreSQL alike,
    # where iexact/lower() would fold only A–Z on SQLite.
    query = reduce(or_, (Q(first_name__iregex=rf"^{re.escape(word)}") for word in words))
    people = {}
    for user in active_people().filter(query).exclude(last_name=""):
        name = full_name(user)
        people.setdefault(name.casefold(), Person(name=name)).users.append(user)
    if with_links:
        _add_profile_links(people)
    return people


def _add_profile_links(people):
    from community.models import Profile
    from community.models.profiles import Visibility
    from community.profiles import directory_page

    single = {person.users[0].pk: person for person in people.values() if len(person.users) == 1}
    if not single:
        return
    directory = directory_page()
    if directory is None:
        return
    profiles = Profile.objects.filter(user__in=single, visibility=Visibility.AGENTS)
    for profile in profiles:
        single[profile.user_id].url = directory.profile_url(profile)


def match_at(text, position, people):
    """The Person whose name follows the "@" at ``position`` (the longest one), with the end
    of the match, or (None, position)."""
    best, end = None, position
    for person in people.values():
        found = _name_pattern(person.name).match(text, position + 1)
        if found and found.end() > end:
            best, end = person, found.end()
    return best, end


def find(body, people=None):
    """The people ``body`` mentions, in order, each once (homonyms all count)."""
    if people is None:
        people = people_in([body])
    users = []
    for match in START.finditer(body or ""):
        person, _end = match_at(body, match.start(), people)
        for user in person.users if person else ():
            if user not in users:
                users.append(user)
    return users
