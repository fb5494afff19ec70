"""Builders for mailing tests: lines, themes, items (published as editors do), members."""

import datetime
import itertools

from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from mailings.models import Follow, Mailing, Subscription
from memberhub.models import MemberOrganisation, Membership, User
from portal.models import ThemeTag
from portal.site_structure import publish_page
from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME

_numbers = itertools.count(1)


def model(label):
    return apps.get_model(label)


def make_line(site_structure, title):
    LearningLinePage = model("learninglines.LearningLinePage")
    index = site_structure["sections"]["leerlijnen"]
    number = next(_numbers)
    line = LearningLinePage(title=title, slug=f"lijn-{number}", summary="Over deze lijn.",
                            locale=index.locale)
    index.add_child(instance=line)
    return publish_page(line)


def make_theme(name):
    return ThemeTag.objects.get_or_create(name=name, defaults={"slug": name.lower()})[0]


def make_knowledge(site_structure, title, *, lines=(), themes=(), track="", kind="publication",
                   members_only=False):
    KnowledgeItemPage = model("knowledge.KnowledgeItemPage")
    index = site_structure["sections"]["kennisbank"]
    item = KnowledgeItemPage(title=title, slug=f"item-{next(_numbers)}", kind=kind,
                             summary=f"Samenvatting van {title}.", track=track,
                             members_only=members_only, locale=index.locale)
    item.learning_lines = list(lines)
    item.themes.set(list(themes))
    index.add_child(instance=item)
    return publish_page(item).specific


def make_news(site_structure, title, *, lines=(), themes=(), members_only=False):
    NewsPage = model("memberhub.NewsPage")
    index = site_structure["sections"]["nieuws"]
    page = NewsPage(title=title, slug=f"nieuws-{next(_numbers)}", summary=f"Over {title}.",
                    body="<p>Tekst</p>", locale=index.locale)
    page.learning_lines = list(lines)
    page.themes.set(list(themes))
    return publish_under(index, page, members_only)


def make_impact_story(site_structure, title, members_only=False):
    ImpactStoryPage = model("memberhub.ImpactStoryPage")
    ResultFigure = model("memberhub.ImpactStoryResult")
    index = site_structure["sections"]["impactverhalen"]
    page = ImpactStoryPage(title=title, slug=f"verhaal-{next(_numbers)}",
                           summary=f"Over {title}.", change="<p>Verandering</p>",
                           locale=index.locale)
    page.results = [ResultFigure(figure="100", label="huishoudens")]
    return publish_under(index, page, members_only)


def make_session(line, title, *, days=10, track="practitioner", themes=(), members_only=False):
    SessionPage = model("learninglines.SessionPage")
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    session = SessionPage(title=title, slug=f"sessie-{next(_numbers)}", summary="Samenvatting.",
                          track=track, start=start, end=start + datetime.timedelta(hours=2),
                          location="Utrecht", locale=line.locale)
    session.themes.set(list(themes))
    return publish_under(line, session, members_only)


def publish_under(parent, page, members_only=False):
    """Add ``page`` under ``parent`` and publish it; members only when asked."""
    parent.add_child(instance=page)
    page = publish_page(page).specific
    if members_only:
        restrict(page)
    return page


def restrict(page):
    """Members only, the way the portal restricts pages (Members and Editors groups)."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)[0],
                            Group.objects.get_or_create(name=EDITORS_GROUP_NAME)[0]])
    return restriction


def backdate(page, days):
    """As if the page was first published ``days`` ago."""
    moment = timezone.now() - datetime.timedelta(days=days)
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    page.first_published_at = moment
    return page


def subscribe(user, *, member_mailing=True, political_monitor="never", language="nl",
              lines=(), tracks=(), themes=(), frequency="weekly"):
    subscription, _created = Subscription.objects.update_or_create(
        user=user, defaults={"member_mailing": member_mailing,
                             "political_monitor": political_monitor})
    if user.preferred_language != language:  # the person's one language choice
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    subscription.follows.all().delete()
    for line in lines:
        Follow.objects.create(subscription=subscription, learning_line=line, frequency=frequency)
    for track in tracks:
        Follow.objects.create(subscription=subscription, track=track, frequency=frequency)
    for theme in themes:
        Follow.objects.create(subscription=subscription, theme=theme, frequency=frequency)
    return subscription


def make_mailing(subject="Ledenmailing maart", items=(), intro="<p>Beste leden,</p>", **fields):
    body = [("item", {"page": page, "note": ""}) for page in items]
    mailing = Mailing(subject=subject, intro=intro, body=body, **fields)
    mailing.save()
    mailing.save_revision()
    return mailing


def bulk_members(count, organisation, prefix="lid"):
    """Many members at once (bulk insert: no per-user signals, one password hash)."""
    template = User(email="x@example.org")
    template.set_password("Een-lang-wachtwoord-2026")
    users = User.objects.bulk_create([
        User(email=f"{prefix}{n}@example.org", first_name="Lid", last_name=str(n),
             password=template.password) for n in range(count)])
    users = list(User.objects.filter(email__startswith=prefix, email__endswith="@example.org")
                 .order_by("pk"))
    Membership.objects.bulk_create([Membership(user=user, organisation=organisation)
                                    for user in users])
    members = Group.objects.get(name=MEMBERS_GROUP_NAME)
    members.user_set.add(*users)
    return users


def organisation(name, active=True):
    return MemberOrganisation.objects.create(name=name, slug=name.lower().replace(" ", "-"),
                                             active=active)
