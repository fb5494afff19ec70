"""Every form the portal shows (found by reading the pages, as a browser does) is sent
with hostile values in each field, as a visitor, a member and an organisation admin, and
the organisation logo and the admin's image upload get corrupt images; any 500 fails.
Each request is rolled back, so nothing one sends changes what the next one sees."""

import pytest

from .conftest import client_for
from .hostile import HOSTILE, Failures, forms_on
from .images import corrupt_images, upload

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")]

# Values sent in every field of every form (one field at a time, the others as shown).
FORM_VALUES = [value for value in HOSTILE if value[0] in (
    "NUL", "quote", "empty", "SQL", "huge number", "negative", "long string", "bad date",
    "broken utf-8", "markup", "CRLF")]


def pages_with_forms(site):
    session, group = site["session"], site["group"]
    slug = site["alfa"].slug
    return [
        "/accounts/login/", "/accounts/password-reset/", session.url, group.url,
        site["past_session"].url, "/mijn/", "/mijn/abonnementen/",
        f"/mijn/organisatie/{slug}/", f"/mijn/organisatie/{slug}/profiel/",
        "/accounts/mijn-gegevens/", "/accounts/password-change/",
        f"/mijn/abonnementen/afmelden/{site['unsubscribe_token']}/",
        f"/evaluatie/{site['evaluation_token']}/",
        f"/mijn/uitnodiging/{site['invitation_token']}/",
    ]


def discovered_forms(client, site, only=""):
    """The POST forms on the pages, once per kind (the role form of each colleague is
    one form), limited to actions under ``only``."""
    import re

    forms = {}
    for url in pages_with_forms(site):
        response = client.get(url)
        if response.status_code != 200:
            continue
        for form in forms_on(response.content.decode(), url):
            if form.method == "post" and not form.action.startswith("/admin/") \
                    and form.action.startswith(only):
                form.fields.pop("csrfmiddlewaretoken", None)
                kind = re.sub(r"\d+", "N", form.action + " ".join(sorted(form.fields)))
                forms.setdefault(kind, form)
    return list(forms.values())


def body(fields, name, value):
    from urllib.parse import quote

    parts = [f"{quote(key)}={quote(str(default))}" for key, default in fields.items()
             if key != name]
    parts.append(f"{quote(name)}={value}")
    return "&".join(parts)


def fuzz_forms(client, site, failures, only=""):
    forms = discovered_forms(client, site, only)
    assert forms, "no forms found"
    for form in forms:
        for name in form.fields:
            for label, value in FORM_VALUES:
                failures.check(client, "post", form.action, f"{name}: {label}",
                               data=body(form.fields, name, value),
                               content_type="application/x-www-form-urlencoded")
    return forms


@pytest.mark.parametrize("role", ["visitor", "member", "org_admin"])
def test_no_form_field_gives_a_server_error(site, role):
    client = client_for(site.get(role))
    failures = Failures()
    # The organisation admin's own forms; the member's are covered by the member.
    only = f"/mijn/organisatie/{site['alfa'].slug}/" if role == "org_admin" else ""
    forms = fuzz_forms(client, site, failures, only)
    if role == "org_admin":
        actions = {form.action for form in forms}
        assert any(action.endswith("/profiel/") for action in actions), actions
    failures.assert_none()


def test_corrupt_images_never_give_a_server_error(site):
    failures = Failures()
    profile = f"/mijn/organisatie/{site['alfa'].slug}/profiel/"
    client = client_for(site["org_admin"])
    for name, content in corrupt_images().items():
        failures.check(client, "post", profile, name,
                       data={"website": "", "description": "", "logo": upload(name, content),
                             "logo_alt": "Logo"})
    editor = client_for(site["editor"])
    from wagtail.models import Collection

    for name, content in corrupt_images().items():
        failures.check(editor, "post", "/admin/images/add/", name,
                       data={"title": "Kapot", "file": upload(name, content),
                             "collection": Collection.get_first_root_node().pk})
    failures.assert_none()
