"""One-click unsubscribe: signed links, no login, and forged links change nothing."""

import pytest
from django.core import signing
from django.test import Client

from mailings import tokens
from mailings.models import Subscription

from .factories import subscribe


def paths(user, scope):
    link, one_click = tokens.unsubscribe_urls(user, scope, "nl")
    return link.removeprefix("http://testserver"), one_click.removeprefix("http://testserver")


@pytest.mark.django_db
def test_link_asks_first_then_unsubscribes(client, member):
    link, _one_click = paths(member, tokens.Scope.MAILING)
    response = client.get(link)
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
    assert not Subscription.objects.filter(user=member).exists()  # a GET changes nothing

    response = client.post(link)
    assert response.status_code == 200
    assert Subscription.objects.get(user=member).member_mailing is False


@pytest.mark.django_db
def test_one_click_post_works_without_login_or_csrf_token(member, lines):
    subscribe(member, lines=[lines["dr"]], political_monitor="weekly")
    _link, one_click = paths(member, tokens.Scope.DIGEST)
    client = Client(enforce_csrf_checks=True)
    response = client.post(one_click, data="List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    subscription = Subscription.objects.get(user=member)
    assert subscription.political_monitor == "never"
    assert not subscription.follows.exists()
    assert subscription.member_mailing is True  # only what the link was for
    # Twice is fine.
    assert client.post(one_click).status_code == 200


@pytest.mark.django_db
def test_unsubscribe_from_everything(client, member, lines):
    subscribe(member, lines=[lines["dr"]], political_monitor="immediately")
    link, _one_click = paths(member, tokens.Scope.MONITOR)
    client.post(link, {"everything": "1"})
    subscription = Subscription.objects.get(user=member)
    assert (subscription.member_mailing, subscription.political_monitor,
            subscription.follows.count()) == (False, "never", 0)


@pytest.mark.django_db
@pytest.mark.parametrize("forge", ["tamper", "other_user", "other_salt", "old_version",
                                   "garbage", "bad_scope"])
def test_forged_links_do_nothing(client, member, outsider, forge):
    subscribe(member)
    token = tokens.make_unsubscribe_token(member, tokens.Scope.MAILING)
    if forge == "tamper":
        token = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    elif forge == "other_user":
        value, _rest = token.split(":", 1)
        other = tokens.make_unsubscribe_token(outsider, tokens.Scope.MAILING)
        token = value + ":" + other.split(":", 1)[1]
    elif forge == "other_salt":
        token = signing.dumps({"v": 1, "u": member.pk, "s": "mailing"}, salt="something else")
    elif forge == "old_version":
        token = signing.dumps({"v": 0, "u": member.pk, "s": "mailing"},
                              salt=tokens.TOKEN_SALT)
    elif forge == "bad_scope":
        token = signing.dumps({"v": 1, "u": member.pk, "s": "everything"},
                              salt=tokens.TOKEN_SALT)
    else:
        token = "not-a-token"
    for url in (f"/mijn/abonnementen/afmelden/{token}/",
                f"/mijn/abonnementen/afmelden/{token}/one-click/"):
        assert client.post(url).status_code == 400
    assert client.get(f"/mijn/abonnementen/afmelden/{token}/").status_code == 400
    assert Subscription.objects.get(user=member).member_mailing is True


@pytest.mark.django_db
def test_link_of_a_deleted_account_does_nothing(client, member):
    link, one_click = paths(member, tokens.Scope.MAILING)
    member.delete()
    assert client.post(one_click).status_code == 400
    assert client.get(link).status_code == 400


@pytest.mark.django_db
def test_english_unsubscribe_page(client, member):
    link, _one_click = tokens.unsubscribe_urls(member, tokens.Scope.MAILING, "en")
    response = client.get(link.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert "Unsubscribe from all e-mails" in response.content.decode()
