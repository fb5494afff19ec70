"""Profiles: opt-in, each field with its own audience, filters that reveal nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from community.models import FieldVisibility, Profile, ProfileLanguage
from portal.models import ThemeTag
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cyber(db):
    return ThemeTag.objects.create(name="Cybersecurity", slug="cybersecurity")


@pytest.fixture
def colleague(organisation):
    return MembershipFactory(organisation=organisation, user__first_name="Carla",
                             user__last_name="Collega").user


@pytest.fixture
def stranger(other_organisation):
    return MembershipFactory(organisation=other_organisation, user__first_name="Sven").user


def make_profile(user, **fields):
    expertise = fields.pop("expertise", [])
    languages = fields.pop("languages", [])
    profile = Profile.objects.create(user=user, **{"listed": True, **fields})
    profile.expertise.set(expertise)
    for code in languages:
        ProfileLanguage.objects.create(profile=profile, code=code)
    return profile


def directory(client, **params):
    return client.get(reverse("community:directory"), params).content.decode()


def test_only_people_who_opted_in_are_listed(login, member, colleague, stranger):
    make_profile(colleague, role="Beleidsadviseur")
    make_profile(stranger, listed=False, role="Geheim agent")
    page = directory(login(member))
    assert "Carla Collega" in page
    assert "Geheim agent" not in page and "Sven" not in page
    hidden = Profile.objects.get(user=stranger)
    assert login(member).get(reverse("community:profile", args=[hidden.pk])).status_code == 404


def test_each_field_follows_its_own_audience(login, member, colleague, stranger, cyber):
    profile = make_profile(colleague, role="Beleidsadviseur", expertise=[cyber],
                           role_visibility=FieldVisibility.ORGANISATION,
                           expertise_visibility=FieldVisibility.NOBODY, bio="Over mij")
    url = reverse("community:profile", args=[profile.pk])
    same_org = login(member).get(url).content.decode()
    assert "Beleidsadviseur" in same_org and "Cybersecurity" not in same_org
    other_org = login(stranger).get(url).content.decode()
    assert "Carla Collega" in other_org and "Over mij" in other_org
    assert "Beleidsadviseur" not in other_org and "Cybersecurity" not in other_org
    own = login(colleague).get(url).content.decode()
    assert "Beleidsadviseur" in own and "Cybersecurity" in own


def test_a_hidden_field_never_answers_a_filter(login, member, colleague, stranger, cyber):
    make_profile(colleague, expertise=[cyber], expertise_visibility=FieldVisibility.ORGANISATION,
                 languages=["fr"], languages_visibility=FieldVisibility.NOBODY)
    assert "Carla Collega" in directory(login(member), expertise=cyber.pk)
    assert "Carla Collega" not in directory(login(stranger), expertise=cyber.pk)
    assert "Carla Collega" not in directory(login(member), language="fr")


def test_filter_by_expertise_and_organisation(login, member, colleague, stranger, cyber,
                                              other_organisation):
    make_profile(colleague, expertise=[cyber])
    make_profile(stranger)
    page = directory(login(member), expertise=cyber.pk)
    assert "Carla Collega" in page and "Sven" not in page
    page = directory(login(member), organisation=other_organisation.pk)
    assert "Sven" in page and "Carla Collega" not in page


def test_tampered_filters_and_ids_are_harmless(login, member, colleague):
    make_profile(colleague)
    client = login(member)
    for params in ({"expertise": "1 OR 1=1"}, {"line": "x"}, {"organisation": "-1"},
                   {"language": "<script>"}, {"page": "9999"}):
        assert client.get(reverse("community:directory"), params).status_code == 200
    assert client.get("/netwerk/mensen/999999/").status_code == 404


def png_file(name="foto.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def form_data(**extra):
    data = {"listed": "on", "role": "Adviseur", "track": "", "bio": "", "photo_alt": ""}
    for field in Profile.VISIBLE_FIELDS:
        data[f"{field}_visibility"] = "members"
    data.update(extra)
    return data


def test_a_member_fills_in_a_profile_with_photo_and_alt_text(login, member, cyber):
    client = login(member)
    response = client.post(reverse("community:edit_profile"), form_data(
        expertise=[cyber.pk], languages=["nl", "en"], photo_alt="Sam lacht",
        photo_upload=png_file()))
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.listed and profile.photo is not None and profile.photo_alt == "Sam lacht"
    assert set(profile.languages.values_list("code", flat=True)) == {"nl", "en"}
    assert list(profile.expertise.all()) == [cyber]


def test_a_photo_needs_alt_text_and_must_be_an_image(login, member):
    client = login(member)
    response = client.post(reverse("community:edit_profile"),
                           form_data(photo_upload=png_file()))
    assert response.status_code == 400 and not Profile.objects.filter(user=member).exists()
    disguised = SimpleUploadedFile("foto.png", b"<html><script>alert(1)</script></html>")
    response = client.post(reverse("community:edit_profile"),
                           form_data(photo_upload=disguised, photo_alt="x"))
    assert response.status_code == 400 and not Profile.objects.filter(user=member).exists()


def test_script_in_a_profile_is_shown_as_text(login, member, colleague):
    client = login(colleague)
    client.post(reverse("community:edit_profile"),
                form_data(role="<script>alert(1)</script>", bio="<img src=x onerror=alert(1)>"))
    profile = Profile.objects.get(user=colleague)
    page = login(member).get(reverse("community:profile", args=[profile.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
