import re

import pytest
from django.core import mail

from portal.models import QueuedEmail
from tests.factories import TEST_PASSWORD, UserFactory


@pytest.mark.django_db
def test_login_with_email_case_insensitive_lands_on_mijn(client, site_structure, member):
    response = client.post(
        "/accounts/login/", {"username": member.email.upper(), "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    page = client.get("/mijn/").content.decode()
    assert "Stichting Alfa" in page


@pytest.mark.django_db
def test_wrong_password_gives_clear_message_in_page_language(client, site_structure, member):
    response = client.post("/accounts/login/", {"username": member.email, "password": "fout"})
    assert response.status_code == 200
    assert "komen niet overeen" in response.content.decode()
    response = client.post("/en/accounts/login/", {"username": member.email, "password": "x"})
    assert "do not match" in response.content.decode()


@pytest.mark.django_db
def test_malformed_email_is_rejected(client, site_structure):
    response = client.post("/accounts/login/", {"username": "geen-adres", "password": "x"})
    assert response.status_code == 200
    assert "geldig e-mailadres" in response.content.decode()


@pytest.mark.django_db
def test_logout_requires_post_and_ends_session(client, site_structure, member):
    client.force_login(member)
    client.post("/accounts/logout/")
    assert client.get("/mijn/").status_code == 302


@pytest.mark.django_db
def test_password_reset_flow_and_reuse_of_link(client, site_structure):
    user = UserFactory(email="reset@example.org")
    response = client.post("/accounts/password-reset/", {"email": "Reset@Example.org"})
    assert response.status_code == 302
    email = QueuedEmail.objects.get()  # through the outbox, like every e-mail
    assert email.to == "reset@example.org" and email.category == "account"
    link = re.search(r"https?://[^/]+(/\S+)", email.body_text).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    new_password = "Nieuw-wachtwoord-voor-2026"
    response = client.post(form_url, {"new_password1": new_password,
                                      "new_password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)
    # The link is single-use: the password hash changed, so the token is no longer valid.
    response = client.get(link, follow=True)
    assert "werkt niet meer" in response.content.decode()


@pytest.mark.django_db
def test_password_reset_for_unknown_address_reveals_nothing(client, site_structure):
    response = client.post("/accounts/password-reset/", {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mail.outbox == [] and not QueuedEmail.objects.exists()


@pytest.mark.django_db
def test_password_change_applies_validators(client, site_structure, member):
    client.force_login(member)
    response = client.post("/accounts/password-change/", {
        "old_password": TEST_PASSWORD, "new_password1": "12345", "new_password2": "12345",
    })
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(TEST_PASSWORD)
