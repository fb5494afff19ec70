import re

import pytest

EXTERNAL_ASSET = re.compile(
    r"""<(?:link|script|img|iframe|source|video|audio)\b[^>]*?(?:src|href)=["'](?:https?:)?//""",
    re.IGNORECASE,
)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/en/", "/kennisbank/", "/leerlijnen/digital-readiness/",
                                 "/accounts/login/", "/zoeken/?q=digitaal"])
def test_pages_load_nothing_from_other_hosts(client, demo, url):
    response = client.get(url)
    html = response.content.decode()
    assert not EXTERNAL_ASSET.search(html)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp


@pytest.mark.django_db
def test_base_template_landmarks_and_skip_link(client, demo):
    html = client.get("/kennisbank/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert 'id="main"' in html and "<main" in html and "<header" in html and "<footer" in html
    assert 'aria-label="Hoofdmenu"' in html
    assert 'aria-label="Kruimelpad"' in html
    assert 'aria-current="page"' in html


@pytest.mark.django_db
def test_navigation_and_language_switch_follow_the_language(client, demo):
    nl = client.get("/kennisbank/").content.decode()
    assert 'href="/leerlijnen/"' in nl
    assert 'href="/en/kennisbank/"' in nl  # the language switch points at the translation
    en = client.get("/en/kennisbank/").content.decode()
    assert "Knowledge base" in en and 'href="/en/leerlijnen/"' in en
    assert 'href="/kennisbank/"' in en
    assert "Skip to main content" in en


@pytest.mark.django_db
def test_header_shows_login_or_my_portal(client, demo):
    assert "Inloggen" in client.get("/").content.decode()
    client.login(username="lid@example.org", password="Demo-lid-2026")
    html = client.get("/").content.decode()
    assert "Mijn portaal" in html and "Uitloggen" in html


@pytest.mark.django_db
def test_standard_page_blocks_render(client, demo):
    from portal.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="nl")
    page = StandardPage(title="Over ons", slug="over-ons", body=[
        ("heading", {"text": "Wie wij zijn", "level": "h2"}),
        ("paragraph", "<p>Wij verbinden leden.</p>"),
        ("quote", {"quote": "Samen verder.", "attribution": "Een lid"}),
        ("embed", {"url": "https://video.example.net/v/1", "title": "Film", "description": ""}),
    ])
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/over-ons/").content.decode()
    assert "<h2>Wie wij zijn</h2>" in html and "Samen verder." in html
    assert "video.example.net" in html and "<iframe" not in html


def test_call_to_action_needs_exactly_one_target():
    from wagtail.blocks.struct_block import StructBlockValidationError

    from portal.blocks import CallToActionBlock

    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Doe mee", "button_label": "Ja"}))


@pytest.mark.django_db
def test_form_address_opened_in_the_browser_explains_itself(client, site_structure, member):
    client.force_login(member)
    response = client.get("/accounts/mijn-gegevens/verwijderen/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>") or html.lstrip().lower().startswith("<!doctype")
    assert "Gebruik het formulier op de pagina" in html
