"""Destructive actions ask first: withdrawing a colleague's published item and removing a
colleague go through a confirmation page (GET) that says what will happen; only its POST
form acts. Walked the way a person does: from the link on the page to the confirmation."""

import re

import pytest
from django.urls import reverse

from memberhub.models import Membership
from tests.memberhub.factories import add_vacancy
from tests.memberhub.helpers import denied


def _link(html, url):
    assert f'href="{url}"' in html, f"no link to {url}"


def _form_action(html):
    match = re.search(r'<form method="post" action="([^"]+)"', html)
    assert match, "the confirmation page has no POST form"
    return match.group(1)


@pytest.mark.django_db
def test_withdrawing_a_colleagues_published_vacancy_asks_first(client, hub, admin_a, member_a):
    vacancy = add_vacancy(hub["page_a"], "Programmamanager", owner=member_a)
    client.force_login(admin_a)
    url = reverse("memberhub:withdraw", args=[vacancy.pk])
    _link(client.get("/mijn/").content.decode(), url)

    confirm = client.get(url)
    vacancy.refresh_from_db()
    assert confirm.status_code == 200
    assert vacancy.live, "opening the confirmation page must not withdraw anything"
    html = confirm.content.decode()
    assert "“Programmamanager” intrekken?" in html
    assert "gaat direct offline" in html
    assert "Er wordt niets verwijderd" in html

    response = client.post(_form_action(html))
    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert not vacancy.live


@pytest.mark.django_db
def test_withdraw_confirmation_is_only_for_the_owning_organisation(client, hub, member_b):
    vacancy = add_vacancy(hub["page_a"], "Programmamanager")
    url = reverse("memberhub:withdraw", args=[vacancy.pk])
    assert denied(client.get(url))  # visitor
    client.force_login(member_b)
    assert denied(client.get(url))
    vacancy.refresh_from_db()
    assert vacancy.live


@pytest.mark.django_db
def test_removing_a_colleague_asks_first_and_says_what_happens(client, hub, admin_a, member_a):
    membership = Membership.objects.get(user=member_a)
    slug = membership.organisation.slug
    url = reverse("memberhub:remove_member", args=[slug, membership.pk])
    client.force_login(admin_a)
    _link(client.get(reverse("memberhub:colleagues", args=[slug])).content.decode(), url)

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert Membership.objects.filter(pk=membership.pk).exists()
    html = confirm.content.decode()
    assert member_a.email in html
    assert "kan niet meer optreden voor" in html
    assert "Het account blijft bestaan" in html

    client.post(_form_action(html))
    assert not Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.django_db
def test_remove_confirmation_is_only_for_the_organisations_admins(client, hub, member_a,
                                                                 member_b):
    membership = Membership.objects.get(user=member_a)
    url = reverse("memberhub:remove_member", args=[membership.organisation.slug, membership.pk])
    for user in (member_a, member_b):
        client.force_login(user)
        assert denied(client.get(url))
    assert Membership.objects.filter(pk=membership.pk).exists()
