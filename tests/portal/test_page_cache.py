import pytest
from django.core.cache import cache

from portal.models import StandardPage


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_anonymous_pages_are_cached_and_purged_on_publish(client, site_structure, page_cache,
                                                          django_assert_num_queries):
    home = site_structure["home"]
    page = StandardPage(title="Eerste titel", slug="cachetest")
    home.add_child(instance=page)
    page.save_revision().publish()

    first = client.get("/cachetest/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/cachetest/")
    assert second["X-Page-Cache"] == "hit" and "Eerste titel" in second.content.decode()
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]

    client.get("/")  # the home page lists sections; cache it too
    page.title = "Nieuwe titel"
    page.save_revision().publish()
    fresh = client.get("/cachetest/")
    assert "Nieuwe titel" in fresh.content.decode()
    assert fresh["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "miss", "ancestor listings are purged too"


@pytest.mark.django_db
def test_logged_in_users_never_get_or_fill_the_cache(client, site_structure, page_cache, member):
    client.get("/kennisbank/")
    client.force_login(member)
    response = client.get("/kennisbank/")
    assert "X-Page-Cache" not in response
    assert "Mijn portaal" in response.content.decode()
    client.logout()
    response = client.get("/kennisbank/")
    assert "Mijn portaal" not in response.content.decode()


@pytest.mark.django_db
def test_member_only_pages_are_not_cached_for_visitors(client, site_structure, page_cache):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    page = StandardPage(title="Alleen leden", slug="leden-only")
    site_structure["home"].add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name="Members"))
    response = client.get("/leden-only/")
    assert response.status_code == 302  # to login; redirects are never stored
    assert client.get("/leden-only/").status_code == 302


@pytest.mark.django_db
def test_redis_down_means_no_cache_not_an_error(client, site_structure, page_cache, settings):
    # The production cache configuration, pointed at a port where no Redis listens.
    settings.CACHES = {"default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2,
                    "SOCKET_TIMEOUT": 0.2},
    }}
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    for _ in range(2):
        response = client.get("/kennisbank/")
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"


@pytest.mark.django_db
def test_a_hit_costs_one_cache_read_and_an_older_entry_is_never_served(
        client, site_structure, page_cache, monkeypatch):
    from portal import cache as page_cache_module

    page = StandardPage(title="Eén leesronde", slug="een-leesronde")
    site_structure["home"].add_child(instance=page)
    page.save_revision().publish()
    assert client.get("/een-leesronde/")["X-Page-Cache"] == "miss"

    reads, inside = [], []  # calls to the cache, not counting get_many's own get()s
    real_get_many, real_get = cache.get_many, cache.get

    def get_many(keys):
        reads.append(keys)
        inside.append(True)
        try:
            return real_get_many(keys)
        finally:
            inside.pop()

    def get(*args, **kwargs):
        if not inside:
            reads.append(args)
        return real_get(*args, **kwargs)

    monkeypatch.setattr(cache, "get_many", get_many)
    monkeypatch.setattr(cache, "get", get)
    hit = client.get("/een-leesronde/")
    assert hit["X-Page-Cache"] == "hit" and len(reads) == 1, reads

    # A change that bypasses publishing is not seen until the path is purged; the entry
    # then stays in the cache, built under the old generation, and is never served again.
    StandardPage.objects.filter(pk=page.pk).update(title="Nieuwe titel na purge")
    assert "Nieuwe titel" not in client.get("/een-leesronde/").content.decode()
    page_cache_module.purge_paths(["/een-leesronde/"])
    fresh = client.get("/een-leesronde/")
    assert fresh["X-Page-Cache"] == "miss" and "Nieuwe titel na purge" in fresh.content.decode()
