import json

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from portal.models import StandardPage
from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME
from search import service
from search.models import PendingIndexUpdate, SearchDocument, SearchQueryLog


def titles(result):
    return [hit.title for hit in result.hits]


@pytest.mark.django_db
def test_publish_unpublish_and_delete_update_the_index(publish,
                                                        django_capture_on_commit_callbacks):
    page = publish("Over kwartelkoning", "kwartel", "Een zeldzame vogel")
    assert titles(service.search("kwartelkoning", AnonymousUser())) == ["Over kwartelkoning"]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert service.search("kwartelkoning", AnonymousUser()).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert service.search("kwartelkoning", AnonymousUser()).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert not SearchDocument.objects.filter(title="Over kwartelkoning").exists()


@pytest.mark.django_db
def test_privacy_change_updates_audience(publish, member, django_capture_on_commit_callbacks):
    page = publish("Ledenpagina grutto", "grutto", "Alleen grutto voor leden")
    assert service.search("grutto", AnonymousUser()).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set(Group.objects.filter(
            name__in=[MEMBERS_GROUP_NAME, EDITORS_GROUP_NAME]))
    assert service.search("grutto", AnonymousUser()).total == 0
    assert service.search("grutto", member).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert service.search("grutto", AnonymousUser()).total == 1


@pytest.mark.django_db
def test_drafts_are_never_indexed(site_structure):
    draft = StandardPage(title="Geheim concept roerdomp", slug="roerdomp", live=False)
    site_structure["home"].add_child(instance=draft)
    draft.save_revision()
    call_command("search_index", "rebuild")
    assert service.search("roerdomp", AnonymousUser()).total == 0


@pytest.mark.django_db
def test_search_page_facets_pagination_and_bad_input(client, publish):
    for number in range(13):
        publish(f"Ijsvogel {number}", f"ijsvogel-{number}", "Over de ijsvogel")
    page = client.get("/zoeken/?q=ijsvogel")
    html = page.content.decode()
    assert page.status_code == 200
    assert "13 resultaten" in html and "<mark>" in html
    assert "?q=ijsvogel&amp;type=page" in html  # a facet link with its count
    assert SearchQueryLog.objects.get(query="ijsvogel").count == 1
    second = client.get("/zoeken/?q=ijsvogel&page=2").content.decode()
    assert "Pagina 2 van 2" in second
    for bad in ["?q=ijsvogel&page=abc", "?q=ijsvogel&page=999", "?q=%22", "?q=*",
                "?q=ijsvogel&type=onbekend", "?q=(AND)", "?q=" + "x" * 3000, "?q="]:
        assert client.get("/zoeken/" + bad).status_code == 200, bad


@pytest.mark.django_db
def test_autocomplete_endpoint_returns_json(client, publish):
    publish("Tureluur in het veld", "tureluur", "Weidevogel")
    data = json.loads(client.get("/zoeken/autocomplete/?q=Turel").content)
    assert data["results"][0]["title"] == "Tureluur in het veld"
    assert json.loads(client.get("/zoeken/autocomplete/?q=").content) == {"results": []}


@pytest.mark.django_db
@pytest.mark.parametrize("engine_name,url_setting", [("elasticsearch", "ELASTICSEARCH_URL"),
                                                     ("opensearch", "OPENSEARCH_URL")])
def test_engine_down_falls_back_and_catches_up_later(publish, settings, engine_name,
                                                     url_setting):
    settings.PORTAL_SEARCH_BACKEND = engine_name
    settings.PORTAL_SEARCH_FALLBACK = True  # as in production
    setattr(settings, url_setting, "http://127.0.0.1:9")  # nothing listens there
    page = publish("Lepelaar op het wad", "lepelaar", "Een witte vogel")
    assert PendingIndexUpdate.objects.filter(key=f"page:{page.id}").exists()
    result = service.search("lepelaar", AnonymousUser())
    assert result.backend == "database" and result.total == 1
    status = service.status()
    assert status["ok"] is False and status["pending_updates"] == 1
    assert service.catch_up() == 0  # still down: nothing lost
    assert PendingIndexUpdate.objects.count() == 1


@pytest.mark.django_db
def test_search_log_is_for_editors_only(client, site_structure, editor, member):
    service.log_query("Digitale autonomie!", 0)
    service.log_query("digitale   autonomie", 3)
    entry = SearchQueryLog.objects.get(query="digitale autonomie")
    assert entry.count == 2 and entry.zero_result_count == 1
    client.force_login(member)
    assert client.get("/admin/reports/search-log/").status_code in (302, 403)
    client.force_login(editor)
    response = client.get("/admin/reports/search-log/?month=bad")
    assert response.status_code == 200
    assert "digitale autonomie" in response.content.decode()


@pytest.mark.django_db
def test_batched_rebuild_builds_what_single_updates_build(demo):
    """A rebuild loads relations, parents and privacy per batch; the documents must be
    exactly those built page by page (as publishing does)."""
    from search.documents import build_document, iter_documents, searchable_models

    batched = {data["key"]: data for batch in iter_documents(batch_size=7) for data in batch}
    single = {}
    for model in searchable_models():
        for page in model.objects.live():
            data = build_document(page)
            if data is not None and data["key"] not in single:
                single[data["key"]] = data
    assert batched.keys() == single.keys()
    for key, data in single.items():
        for field, value in data.items():
            assert batched[key][field] == value, (key, field)
    audiences = {tuple(data["audience"]) for data in batched.values()}
    assert ("public",) in audiences
    assert any(token.startswith("group:") for audience in audiences for token in audience)


@pytest.mark.django_db
def test_rebuild_removes_documents_of_pages_that_went_away(publish):
    kept = publish("Blijft vindbaar", "blijft", "Over zonnepanelen")
    gone = publish("Verdwijnt", "verdwijnt", "Over windmolens")
    service.rebuild()
    gone.unpublish()
    # Left behind by an update that never ran, and a stale title: a rebuild repairs both.
    SearchDocument.objects.create(key="page:999999", title="Wees", url="/wees/",
                                  content_type="page")
    SearchDocument.objects.filter(page=kept).update(title="verouderd")
    service.rebuild()
    keys = set(SearchDocument.objects.values_list("key", flat=True))
    assert f"page:{kept.id}" in keys and f"page:{gone.id}" not in keys
    assert "page:999999" not in keys
    assert SearchDocument.objects.get(page=kept).title == "Blijft vindbaar"
    assert service.search("zonnepanelen", AnonymousUser()).total == 1
    assert service.search("windmolens", AnonymousUser()).total == 0


def test_paragraphs_do_not_run_together_in_documents():
    from portal.text import plain_text

    assert plain_text("<p>Voor watervoorziening.</p><p>Lees meer</p>") == \
        "Voor watervoorziening. Lees meer"
    assert plain_text("Regel<br>volgende &amp; laatste") == "Regel volgende & laatste"
