"""Every channel that can show a page forgets it at once when an editor restricts,
unpublishes, moves or deletes it, with the anonymous page cache on (issue 12, item 3).

A visitor first loads every channel (so each is cached), an editor then acts through the
real Wagtail admin URLs, and the visitor looks again right away."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction

from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME
from tests.mailings.factories import make_knowledge, make_news

WORD = "Zeldzaamwoordtest"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (search index tasks, purges after commit), as the
    database commit at the end of a real request does."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def item(site_structure, on_commit):
    return on_commit(lambda: make_knowledge(site_structure, f"Kennis {WORD}"))


@pytest.fixture
def news(site_structure, on_commit):
    return on_commit(lambda: make_news(site_structure, f"Nieuws {WORD}"))


@pytest.fixture
def editor_client(superuser):
    browser = Client()
    browser.force_login(superuser)
    return browser


def channels(page):
    """Every public address that shows the page: the page, its section listing, the home
    page, the feeds, the search results, the API detail and listing, the sitemap."""
    section = page.get_parent().url
    return {
        "page": page.url,
        "section": section,
        "home": "/",
        "section feed": {"/kennisbank/": "/kennisbank/feed/"}.get(section, "/nieuws/feed/"),
        "search": f"/zoeken/?q={WORD}",
        "search (English)": f"/en/zoeken/?q={WORD}",
        "api detail": f"/api/v2/pages/{page.pk}/",
        "api listing": "/api/v2/pages/?order=-id",
        "api search": f"/api/v2/pages/?search={WORD}",
        "sitemap": "/sitemap.xml",
    }


def shows(response, page):
    """The answer names the page (its title, address or API id). The word alone is not
    enough: the search page repeats the query."""
    if response.status_code != 200:
        return False
    content = response.content.decode()
    return page.title in content or page.url in content or \
        f'"id": {page.pk},' in content or f'"id":{page.pk},' in content


def visit_everything(visitor, page):
    """As a visitor: every channel shows the page, and each answer is now cached."""
    addresses = channels(page)
    for name, address in addresses.items():
        first = visitor.get(address)
        if name in ("home",):
            continue  # the home page may or may not list this kind; cached all the same
        assert shows(first, page), f"{name} ({address}) should show the page before"
    for name, address in addresses.items():
        assert visitor.get(address).get("X-Page-Cache") == "hit", f"{name} is cached"
    return addresses


def assert_gone_everywhere(visitor, page, addresses):
    leaks = [f"{name} ({address})" for name, address in addresses.items()
             if shows(visitor.get(address), page)]
    assert not leaks, f"still shown to a visitor: {leaks}"


def privacy_form(restriction_type, groups=()):
    data = {"restriction_type": restriction_type, "password": ""}
    if groups:
        data["groups"] = [group.pk for group in groups]
    return data


def member_groups():
    return [Group.objects.get(name=MEMBERS_GROUP_NAME), Group.objects.get(name=EDITORS_GROUP_NAME)]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["item", "news"])
def test_members_only_restriction_in_the_privacy_dialog_hides_it_everywhere(
        site_structure, request, kind, client, page_cache, editor_client, on_commit):
    page = request.getfixturevalue(kind)
    addresses = visit_everything(client, page)

    response = on_commit(lambda: editor_client.post(
        f"/admin/pages/{page.pk}/privacy/", privacy_form("groups", member_groups())))
    assert response.status_code == 200 and '"set_privacy_done"' in response.content.decode()
    assert PageViewRestriction.objects.filter(page=page).exists()

    assert_gone_everywhere(client, page, addresses)
    assert client.get(page.url).status_code == 302  # to the login page


@pytest.mark.django_db
def test_login_and_password_restrictions_hide_it_everywhere(client, page_cache, item,
                                                            editor_client, on_commit):
    addresses = visit_everything(client, item)
    on_commit(lambda: editor_client.post(f"/admin/pages/{item.pk}/privacy/",
                                         privacy_form("login")))
    assert_gone_everywhere(client, item, addresses)

    # Lifting it brings the item back at once; a password then hides it again.
    on_commit(lambda: editor_client.post(f"/admin/pages/{item.pk}/privacy/",
                                         privacy_form("none")))
    assert shows(client.get(f"/api/v2/pages/{item.pk}/"), item)
    assert shows(client.get(f"/zoeken/?q={WORD}"), item)
    assert shows(client.get("/kennisbank/feed/"), item)
    assert client.get(item.url).status_code == 200
    addresses = visit_everything(client, item)
    on_commit(lambda: editor_client.post(
        f"/admin/pages/{item.pk}/privacy/",
        {"restriction_type": "password", "password": "geheim-2026"}))
    # The page itself now answers with Wagtail's password form, never the item.
    form = client.get(addresses.pop("page"))
    assert form.get("X-Page-Cache") != "hit"
    assert 'name="password"' in form.content.decode()
    assert item.summary not in form.content.decode()
    assert_gone_everywhere(client, item, addresses)


@pytest.mark.django_db
def test_changing_only_the_groups_of_a_restriction_is_followed_at_once(
        client, page_cache, item, editor_client, on_commit, member):
    """A restriction to the editors only, widened to members in the dialog (only the
    groups change): members see it at once, visitors still never do."""
    editors = Group.objects.get(name=EDITORS_GROUP_NAME)
    addresses = visit_everything(client, item)
    on_commit(lambda: editor_client.post(f"/admin/pages/{item.pk}/privacy/",
                                         privacy_form("groups", [editors])))
    assert_gone_everywhere(client, item, addresses)
    reader = Client()
    reader.force_login(member)
    assert not shows(reader.get(f"/zoeken/?q={WORD}"), item)
    assert not shows(reader.get("/kennisbank/"), item)

    on_commit(lambda: editor_client.post(f"/admin/pages/{item.pk}/privacy/",
                                         privacy_form("groups", member_groups())))
    assert shows(reader.get(f"/zoeken/?q={WORD}"), item)
    assert shows(reader.get("/kennisbank/"), item)
    assert reader.get(item.url).status_code == 200
    assert client.get(item.url).status_code == 302
    assert not shows(client.get(f"/zoeken/?q={WORD}"), item)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["item", "news"])
def test_a_member_still_sees_it_after_a_members_only_restriction(
        site_structure, request, kind, client, page_cache, editor_client, on_commit, member):
    page = request.getfixturevalue(kind)
    visit_everything(client, page)
    on_commit(lambda: editor_client.post(
        f"/admin/pages/{page.pk}/privacy/", privacy_form("groups", member_groups())))

    reader = Client()
    reader.force_login(member)
    response = reader.get(page.url)
    assert response.status_code == 200 and page.title in response.content.decode()
    assert shows(reader.get(page.get_parent().url), page)
    assert shows(reader.get(f"/zoeken/?q={WORD}"), page)
    # Channels shared with everyone (feeds, API) stay public-only, also for a member,
    # and the visitor next to them no longer finds it.
    assert not shows(reader.get(f"/api/v2/pages/{page.pk}/"), page)
    assert not shows(client.get(f"/zoeken/?q={WORD}"), page)
    assert not shows(client.get(page.get_parent().url), page)


def withdrawn(page, action):
    """Whether the admin's unpublish left the page offline / its delete removed it."""
    if action == "unpublish":
        page.refresh_from_db()
        return not page.live
    return not type(page).objects.filter(pk=page.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["unpublish", "delete"])
@pytest.mark.parametrize("kind", ["item", "news"])
def test_unpublish_or_delete_in_the_admin_hides_it_everywhere(
        site_structure, request, kind, action, client, page_cache, editor_client, on_commit):
    page = request.getfixturevalue(kind)
    addresses = visit_everything(client, page)

    response = on_commit(lambda: editor_client.post(f"/admin/pages/{page.pk}/{action}/"))
    assert response.status_code == 302
    assert withdrawn(page, action)

    assert_gone_everywhere(client, page, addresses)
    assert client.get(page.url).status_code == 404


@pytest.mark.django_db
def test_move_under_a_restricted_page_hides_it_everywhere(client, page_cache, site_structure,
                                                          editor_client, on_commit):
    """Moving a page under a members-only page restricts it by inheritance."""
    from portal.models import StandardPage
    from portal.site_structure import publish_page

    def make_pages():
        home = site_structure["home"]
        page = StandardPage(title=f"Pagina {WORD}", slug="openbare-pagina",
                            intro=f"Over {WORD}.")
        home.add_child(instance=page)
        parent = StandardPage(title="Besloten map", slug="besloten-map")
        home.add_child(instance=parent)
        for each in (page, parent):
            publish_page(each)
        PageViewRestriction.objects.create(page=parent,
                                           restriction_type=PageViewRestriction.LOGIN)
        return StandardPage.objects.get(pk=page.pk), parent

    page, parent = on_commit(make_pages)
    addresses = {name: address for name, address in channels(page).items()
                 if "feed" not in name and name not in ("section", "home")}
    for name, address in addresses.items():
        assert shows(client.get(address), page), name
        assert client.get(address).get("X-Page-Cache") == "hit", name
    old_url = page.url

    response = on_commit(lambda: editor_client.post(
        f"/admin/pages/{page.pk}/move/{parent.pk}/confirm/"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_parent().pk == parent.pk

    assert_gone_everywhere(client, page, {**addresses, "new address": page.url})
    assert client.get(old_url).status_code in (301, 404)  # Wagtail's redirect, if any
    assert client.get(old_url, follow=True).redirect_chain[-1][0].startswith("/accounts/")
    assert client.get(page.url).status_code == 302


@pytest.mark.django_db
def test_restricting_a_section_hides_the_pages_below_it(client, page_cache, item,
                                                        editor_client, on_commit):
    """A restriction on an ancestor covers its subtree: every channel drops the items."""
    addresses = visit_everything(client, item)
    addresses.pop("section")  # the section page itself now asks for a login
    kennisbank = item.get_parent()
    on_commit(lambda: editor_client.post(f"/admin/pages/{kennisbank.pk}/privacy/",
                                         privacy_form("login")))
    assert_gone_everywhere(client, item, addresses)
    assert client.get(item.url).status_code == 302


@pytest.mark.django_db
def test_a_caching_proxy_is_told_after_a_privacy_change(client, page_cache, item, settings,
                                                        monkeypatch, editor_client, on_commit):
    """With FRONTEND_CACHE_PURGE_URL (Wagtail's front-end cache), the proxy is asked to
    drop the page, its listings, their feeds and its API detail (Wagtail itself only does
    so on publish and unpublish)."""
    from wagtail.contrib.frontend_cache import utils

    purged = []
    monkeypatch.setattr(utils, "purge_urls_from_cache", lambda urls, *a, **k: purged.extend(urls))
    settings.WAGTAILFRONTENDCACHE = {"proxy": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:9/"}}
    on_commit(lambda: editor_client.post(f"/admin/pages/{item.pk}/privacy/",
                                         privacy_form("login")))
    base = "http://testserver"
    for path in (item.url, "/kennisbank/", "/kennisbank/feed/", "/", f"/api/v2/pages/{item.pk}/",
                 "/sitemap.xml"):
        assert base + path in purged, path
