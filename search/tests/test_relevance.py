"""Relevance on the demo content: each query of the test set finds its expected page in the
top 3, on whichever database the suite runs (SQLite by default, PostgreSQL in CI)."""

import pytest

from community.models import User
from search.tests.relevance_set import AGENT_EMAIL, CASES, TOP, result_titles


@pytest.mark.both_databases
class TestRelevance:
    """The whole set on one load of the demo content."""

    @pytest.mark.parametrize("case", CASES, ids=[case.query for case in CASES])
    def test_expected_result_is_in_the_top_3(self, client, demo_content, case):
        client.force_login(User.objects.get(email=AGENT_EMAIL))
        titles = result_titles(client, case.query)
        assert case.expected in titles[:TOP], (
            f"{case.query!r}: expected {case.expected!r} in the top {TOP} ({case.why}); "
            f"got {titles[:5]}"
        )
