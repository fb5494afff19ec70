import json

import pytest

from memberhub.models import Membership, User
from tests.factories import TEST_PASSWORD


@pytest.mark.django_db
def test_member_downloads_their_data_as_json(client, site_structure, member):
    client.force_login(member)
    response = client.get("/accounts/mijn-gegevens/?download=1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["memberships"][0]["organisation"] == "Stichting Alfa"


@pytest.mark.django_db
def test_visitor_cannot_download_anything(client, site_structure):
    response = client.get("/accounts/mijn-gegevens/?download=1")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_delete_account_needs_password_and_confirmation(client, site_structure, member):
    client.force_login(member)
    response = client.post("/accounts/mijn-gegevens/verwijderen/", {"password": "fout"})
    assert response.status_code == 400
    assert User.objects.filter(pk=member.pk).exists()

    response = client.post("/accounts/mijn-gegevens/verwijderen/",
                           {"password": TEST_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Membership.objects.filter(user_id=member.pk).exists()
    assert client.get("/mijn/").status_code == 302
