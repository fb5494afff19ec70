"""The API in both languages: ``?locale=en`` gives each item once, in English where a
visible translation exists, otherwise the Dutch version marked with its locale; never a
draft or a members-only version (portal/api.py, docs/api.md)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction

from portal.models import StandardPage
from portal.visibility import MEMBERS_GROUP_NAME


def restrict(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name=MEMBERS_GROUP_NAME))


@pytest.fixture
def pages(site_structure, django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    home = site_structure["home"]
    made = {}
    with django_capture_on_commit_callbacks(execute=True):
        for slug, title in [("waterputten", "Waterputten"), ("waterbeheer", "Waterbeheer"),
                            ("concept", "Conceptvertaling"), ("leden", "Ledenvertaling"),
                            ("geheim", "Ledenpagina")]:
            page = StandardPage(title=title, slug=f"api-{slug}", intro="Mali")
            home.add_child(instance=page)
            page.save_revision().publish()
            made[slug] = page
        restrict(made["geheim"])
        for slug, title, live in [("waterputten", "Water wells", True),
                                  ("concept", "Draft translation", False),
                                  ("leden", "Members' translation", True),
                                  ("geheim", "Members' page", True)]:
            translation = made[slug].copy_for_translation(english).specific
            translation.title = title
            translation.save_revision()
            if live:
                translation.save_revision().publish()
            if slug == "leden":
                restrict(translation)
            made[f"{slug}-en"] = translation
    return made


def items(client, query):
    response = client.get(f"/api/v2/pages/?type=portal.StandardPage&limit=20{query}")
    assert response.status_code == 200, response.content
    return sorted((item["title"], item["meta"]["locale"]) for item in response.json()["items"]
                  if item["title"] != "Home")


@pytest.mark.django_db
def test_english_listing_holds_each_item_once(client, pages):
    assert items(client, "&locale=en") == [
        ("Conceptvertaling", "nl"),   # the translation is a draft
        ("Ledenvertaling", "nl"),     # the translation is members-only
        ("Water wells", "en"),
        ("Waterbeheer", "nl"),        # not translated
    ]
    assert items(client, "&locale=nl") == [
        ("Conceptvertaling", "nl"), ("Ledenvertaling", "nl"), ("Waterbeheer", "nl"),
        ("Waterputten", "nl")]


@pytest.mark.django_db
def test_dutch_fallback_links_to_its_english_address(client, pages):
    response = client.get(f"/api/v2/pages/{pages['waterbeheer'].id}/?locale=en")
    assert response.json()["meta"]["html_url"].endswith("/en/api-waterbeheer/")
    response = client.get(f"/api/v2/pages/{pages['waterbeheer'].id}/")
    assert "/en/" not in response.json()["meta"]["html_url"]


@pytest.mark.django_db
def test_an_unknown_locale_is_a_clear_error(client, pages):
    response = client.get("/api/v2/pages/?locale=de")
    assert response.status_code == 400
    assert "locale must be one of" in response.json()["message"]
