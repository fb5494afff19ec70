import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from memberhub.models import MemberOrganisation, Membership, User


def snapshot():
    return (
        Page.objects.count(),
        MemberOrganisation.objects.count(),
        Membership.objects.count(),
        User.objects.count(),
        sorted(Page.objects.values_list("url_path", flat=True)),
    )


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_complete(demo):
    from yearplan.models import Target, YearPlan

    first = snapshot()
    targets = Target.objects.filter(plan__year=2026).count()
    assert targets >= 10
    # reference data its data migrations made may be gone (a flushed database, as after a
    # transactional test): load_demo makes it again rather than failing
    YearPlan.objects.filter(year=2026).delete()
    call_command("load_demo")
    assert snapshot() == first
    assert Target.objects.filter(plan__year=2026).count() == targets

    assert MemberOrganisation.objects.count() >= 10
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "HomePage"
    titles = set(Page.objects.values_list("title", flat=True))
    assert {"Digital Readiness", "Equitable Partnerships",
            "Future-ready International Cooperation"} <= titles

    editor = User.objects.get(email="redacteur@example.org")
    assert editor.groups.filter(name="Editors").exists()
    member = User.objects.get(email="lid@example.org")
    assert member.memberships.count() == 2
    assert User.objects.get(email="beheerder@waterbron.example.org").memberships.get().role == \
        "admin"


@pytest.mark.django_db
def test_demo_logins_work(client, demo):
    assert client.login(username="lid@example.org", password="Demo-lid-2026")
    assert client.get("/mijn/").status_code == 200


@pytest.mark.django_db
def test_readme_names_every_demo_participant_login(client, demo):
    """Every deelnemer1@<slug> account load_demo makes is listed in the README, and logs in."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    listed = set(re.findall(r"`([a-z0-9-]+)`", readme.split("## Demo logins")[1]
                            .split("## Configuration")[0]))
    participants = User.objects.filter(email__startswith="deelnemer1@")
    assert participants.count() >= 5
    for user in participants:
        slug = user.email.split("@")[1].removesuffix(".example.org")
        assert slug in listed, slug
    one = participants.first()
    assert client.login(email=one.email, password="Demo-deelnemer-2026")
