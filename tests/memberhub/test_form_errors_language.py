"""Django's validator messages on the portal's forms in the page's language, in the
portal's form of address ("je")."""

import pytest
from django.urls import reverse
from django.utils import translation

from memberhub import services


@pytest.mark.django_db
@pytest.mark.parametrize("language, expected, absent", [
    ("nl", "Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten.",
     "This password is too short"),
    ("en", "This password is too short. It must contain at least 10 characters.",
     "Dit wachtwoord"),
])
def test_invitation_form_says_a_password_is_too_short_in_the_pages_language(
        client, hub, admin_a, organisation, language, expected, absent):
    _invitation, token = services.invite_colleague(admin_a, organisation,
                                                   "nieuw@example.org", "author")
    with translation.override(language):
        url = reverse("memberhub:invitation", args=[token])
    response = client.post(url, {"first_name": "Nina", "last_name": "Nieuw",
                                 "password1": "Kort-1", "password2": "Kort-1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert expected in body and absent not in body


@pytest.mark.django_db
def test_password_change_errors_say_je_on_the_dutch_site(client, site_structure, member):
    client.force_login(member)
    response = client.post("/accounts/password-change/", {
        "old_password": "niet-het-wachtwoord", "new_password1": "12345678901",
        "new_password2": "12345678901"})
    body = response.content.decode()
    assert "Je oude wachtwoord is niet goed ingevoerd" in body
    assert "Uw " not in body
