"""/mijn/abonnementen/: a member chooses what they receive; only their own."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mailings.models import Follow, Subscription

from .factories import make_theme


def choices(lines, themes, **overrides):
    data = {"member_mailing": "yes", "political_monitor": "weekly", "language": "en"}
    for line in lines:
        data[f"line_{line.pk}"] = "never"
    data["track_practitioner"] = "never"
    data["track_leadership"] = "immediately"
    for theme in themes:
        data[f"theme_{theme.pk}"] = "never"
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_page_needs_login(client, site_structure):
    response = client.get("/mijn/abonnementen/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_member_saves_choices(client, member, lines, themes):
    client.force_login(member)
    response = client.get("/mijn/abonnementen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert html.count("<fieldset") == html.count("<legend>")
    assert "Digital Readiness" in html and "Klimaat" in html

    data = choices(lines.values(), themes.values(), member_mailing="no",
                   **{f"line_{lines['dr'].pk}": "weekly",
                      f"theme_{themes['climate'].pk}": "immediately"})
    response = client.post("/mijn/abonnementen/", data)
    assert response.status_code == 302
    subscription = Subscription.objects.get(user=member)
    member.refresh_from_db()
    assert (subscription.member_mailing, subscription.political_monitor,
            member.preferred_language) == (False, "weekly", "en")
    follows = {(f.learning_line_id, f.track, f.theme_id, f.frequency)
               for f in Follow.objects.filter(subscription=subscription)}
    assert follows == {(lines["dr"].pk, "", None, "weekly"),
                       (None, "leadership", None, "immediately"),
                       (None, "", themes["climate"].pk, "immediately")}
    # The form shows what was saved.
    html = client.get("/mijn/abonnementen/").content.decode()
    assert re.search(rf'<input type="radio" name="line_{lines["dr"].pk}" value="weekly"[^>]*'
                     r'checked', html)


@pytest.mark.django_db
def test_bad_input_is_refused_with_a_message_and_nothing_saved(client, member, lines, themes):
    client.force_login(member)
    data = choices(lines.values(), themes.values(), political_monitor="hourly")
    response = client.post("/mijn/abonnementen/", data)
    assert response.status_code == 400
    assert "Kies een van de aangeboden mogelijkheden." in response.content.decode()
    assert not Subscription.objects.filter(user=member).exists()

    del data["political_monitor"]
    data["political_monitor"] = "weekly"
    data["language"] = "fr"
    assert client.post("/mijn/abonnementen/", data).status_code == 400
    assert not Subscription.objects.filter(user=member).exists()


@pytest.mark.django_db
def test_fixed_number_of_queries(client, member, lines, themes):
    client.force_login(member)
    client.get("/mijn/abonnementen/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/mijn/abonnementen/").status_code == 200
    for n in range(10):
        make_theme(f"Thema {n}")
    with CaptureQueriesContext(connection) as many:
        assert client.get("/mijn/abonnementen/").status_code == 200
    assert len(many) == len(few)


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "heading"), [("", "Mijn e-mailabonnementen"),
                                                  ("/en", "My e-mail subscriptions")])
def test_mijn_shows_the_panel_in_its_language(client, member, site_structure, prefix,
                                              heading):
    client.force_login(member)
    panel = client.get(f"{prefix}/mijn/").content.decode()
    assert f'<h2 id="my-subscriptions">{heading}</h2>' in panel
    assert f'href="{prefix}/mijn/abonnementen/"' in panel


@pytest.mark.django_db
def test_english_page(client, member, site_structure):
    client.force_login(member)
    response = client.get("/en/mijn/abonnementen/")
    assert response.status_code == 200
    assert "My e-mail subscriptions" in response.content.decode()
