"""Issue 17 item 5: group posts and shared documents are found in /zoeken/ by the group's
members only, profiles by members only, visitors never; on the database backend and on
OpenSearch (the ``backend`` fixture of tests/search/conftest.py)."""

import pytest
from django.test import Client

from community.models import FieldVisibility, Profile
from community.services import discussions
from search.models import SearchDocument
from tests.factories import MembershipFactory
from tests.search.conftest import backend  # noqa: F401  (the fixture: database, engines)

pytestmark = pytest.mark.django_db


def titles(client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def completions(client, prefix):
    response = client.get("/zoeken/autocomplete/", {"q": prefix})
    assert response.status_code == 200
    return [row["title"] for row in response.json()["results"]]


@pytest.fixture
def content(backend, space, group_member, other_member, coordinator,  # noqa: F811
            django_capture_on_commit_callbacks):
    """A thread with a reply and a shared document in space "ai", written through the
    services (the signals index them); the engine gets them after the commit."""
    with django_capture_on_commit_callbacks(execute=True):
        thread = discussions.start_thread(space, group_member, "Geheime AI-strategie",
                                          "Ons vertrouwelijke plan voor algoritmes.")
        reply = discussions.reply(thread, coordinator, "Een antwoord over kwantumrekenen.")
        from community.services import documents
        from tests.community.conftest import pdf
        documents.add_version(space, group_member, pdf(), title="Besloten notulen",
                              note="Notulen over datakluizen")
    return {"thread": thread, "reply": reply}




def test_group_posts_and_documents_only_for_the_group(content, login, group_member,
                                                      other_member):
    visitor, member, outsider = Client(), login(group_member), login(other_member)
    for word in ("algoritmes", "kwantumrekenen", "datakluizen"):
        assert "Geheime AI-strategie" in titles(member, word) or \
            "Besloten notulen" in titles(member, word), word
        for client in (visitor, outsider):
            page = titles(client, word)
            assert "Geheime AI-strategie" not in page and "Besloten notulen" not in page
    page = titles(member, "kwantumrekenen")
    assert f"#post-{content['reply'].pk}" in page
    assert "Group discussion" in page or "Groepsdiscussie" in page
    # autocomplete: the same rule
    assert "Geheime AI-strategie" in completions(member, "Gehei")
    assert "Besloten notulen" in completions(member, "Beslo")
    for client in (visitor, outsider):
        assert completions(client, "Gehei") == []
        assert completions(client, "Beslo") == []


def test_hidden_post_is_not_found(content, login, coordinator, group_member,
                                  django_capture_on_commit_callbacks):
    member = login(group_member)
    reply = content["reply"]
    with django_capture_on_commit_callbacks(execute=True):
        response = login(coordinator).post(
            f"/netwerk/groepen/ai/berichten/{reply.pk}/verbergen/",
            {"reason": "Niet ter zake"})
    assert response.status_code == 302
    assert f"#post-{reply.pk}" not in titles(member, "kwantumrekenen")
    assert "Geheime AI-strategie" in titles(member, "algoritmes")
    # Hiding the opening post hides the thread: none of its posts is found.
    with django_capture_on_commit_callbacks(execute=True):
        login(coordinator).post(
            f"/netwerk/groepen/ai/berichten/{content['thread'].posts.first().pk}/verbergen/",
            {"reason": "Vertrouwelijk"})
    assert "Geheime AI-strategie" not in titles(member, "algoritmes")
    assert completions(member, "Gehei") == []


def test_removed_member_loses_search_access_at_once(content, login, coordinator,
                                                    group_member):
    member = login(group_member)
    assert "Geheime AI-strategie" in titles(member, "algoritmes")
    response = login(coordinator).post("/netwerk/groepen/ai/leden/",
                                       {"action": "remove", "user": group_member.pk})
    assert response.status_code == 302
    assert "Geheime AI-strategie" not in titles(member, "algoritmes")
    assert "Besloten notulen" not in titles(member, "datakluizen")
    assert completions(member, "Gehei") == []


def test_deleted_thread_leaves_search(content, login, group_member,
                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        content["thread"].delete()
    assert "Geheime AI-strategie" not in titles(login(group_member), "algoritmes")
    assert not SearchDocument.objects.filter(key__startswith="community:post:").exists()


def test_profiles_for_members_with_only_the_fields_shown_to_members(
        backend, organisation, login, other_member,  # noqa: F811
        django_capture_on_commit_callbacks):
    person = MembershipFactory(organisation=organisation, user__first_name="Petra",
                               user__last_name="Cyberveilig").user
    with django_capture_on_commit_callbacks(execute=True):
        response = login(person).post("/netwerk/profiel/", {
            "listed": "on", "role": "Informatiebeveiliger", "bio": "Ik ken ransomware.",
            **{f"{field}_visibility": FieldVisibility.MEMBERS
               for field in Profile.VISIBLE_FIELDS},
            "bio_visibility": FieldVisibility.NOBODY,
        })
    assert response.status_code == 302, response.content.decode()[:2000]
    member, visitor = login(other_member), Client()
    assert "Petra Cyberveilig" in titles(member, "Informatiebeveiliger")
    assert "Petra Cyberveilig" in completions(member, "Petra")
    # The text is shown to nobody: it does not answer a search.
    assert "Petra Cyberveilig" not in titles(member, "ransomware")
    assert "Petra Cyberveilig" not in titles(visitor, "Informatiebeveiliger")
    assert completions(visitor, "Petra") == []
    # Opting out takes the profile out of search.
    with django_capture_on_commit_callbacks(execute=True):
        login(person).post("/netwerk/profiel/", {
            "role": "Informatiebeveiliger",
            **{f"{field}_visibility": FieldVisibility.MEMBERS
               for field in Profile.VISIBLE_FIELDS}})
    assert "Petra Cyberveilig" not in titles(member, "Informatiebeveiliger")


def test_rebuild_keeps_community_documents(content, login, group_member):
    from search import service

    service.rebuild()
    assert "Geheime AI-strategie" in titles(login(group_member), "algoritmes")
    assert SearchDocument.objects.filter(key__startswith="community:").count() == 3
