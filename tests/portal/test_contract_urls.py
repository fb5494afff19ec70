import json

import pytest

CONTRACT_PAGES = ["/", "/kennisbank/", "/leerlijnen/", "/nieuws/", "/impactverhalen/",
                  "/vacatures/", "/agenda/", "/leden/", "/zoeken/", "/zoeken/?q=leerlijn"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", CONTRACT_PAGES + ["/en" + url for url in CONTRACT_PAGES])
def test_contract_pages_answer_for_a_visitor(client, site_structure, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    expected_lang = 'lang="en"' if url.startswith("/en") else 'lang="nl"'
    assert f"<html {expected_lang}>" in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/mijn/", "/admin/"])
def test_login_required_urls_send_visitors_to_login(client, site_structure, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "login" in response.redirect_chain[-1][0]


@pytest.mark.django_db
def test_api_sitemap_ics_and_health(client, site_structure):
    api = client.get("/api/v2/pages/")
    assert api.status_code == 200
    assert api.json()["meta"]["total_count"] >= 2

    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/kennisbank/" in sitemap.content and b"/en/kennisbank/" in sitemap.content

    ics = client.get("/agenda.ics")
    assert ics.status_code == 200
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert body.startswith("BEGIN:VCALENDAR") and "PRODID:" in body and "VERSION:2.0" in body
    assert "BEGIN:VTIMEZONE" in body

    health = client.get("/healthz")
    assert health.status_code == 200
    data = json.loads(health.content)
    assert data["database"] == "ok"
    assert data["search"]["backend"] == "database"


@pytest.mark.django_db
def test_healthz_reports_503_when_database_is_down(client, monkeypatch):
    from django.db import DatabaseError

    class BrokenCursor:
        def __enter__(self):
            raise DatabaseError("connection refused")

        def __exit__(self, *args):
            return False

    monkeypatch.setattr("portal.views.connection.cursor", lambda: BrokenCursor())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unavailable"


@pytest.mark.django_db
def test_healthz_says_degraded_when_the_search_engine_fails(client, monkeypatch):
    """The search part comes from the search app (hook register_health_check): an engine
    that fails leaves the portal up (200) and the body says which part is not ok."""

    def broken_engine(timeout=None):
        raise ConnectionError("engine down")

    monkeypatch.setattr("search.service.status", broken_engine)
    response = client.get("/healthz")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["status"] == "degraded" and data["database"] == "ok"
    assert data["search"]["status"] == "error"
    assert data["search"]["detail"] == "ConnectionError"


@pytest.mark.django_db
def test_unknown_url_gives_friendly_404(client, site_structure):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_500_page_leaks_nothing(rf):
    from portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Er ging iets mis" in body and "Traceback" not in body
