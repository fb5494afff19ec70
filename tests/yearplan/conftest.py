"""Fixed 2026 data for the year plan, with the hand calculation of every target.

Five active member organisations A-E, one inactive X. Today is 2 December 2026.
- Thematic session in March: A and B attended (scores 4 and 3): participation 2/5 = 40%,
  satisfaction after the session (4 + 3) / 2 = 3.5.
- Spring general assembly (April): A with two people checked in, B with one, C gave its
  proxy to A, D registered but did not come, X (inactive) checked in: present {A, B},
  by proxy {C}: 3 of 5 = 60%.
- Three impact stories first published in 2026 (one in 2025 does not count): 3.
- Member mailings sent in January and February 2026 (a draft does not count): 2 in the
  year; 2 of the 11 months that are over had one.
- Campaign: A and B signed up for a June action, A also for a September one; X (inactive)
  too: 2 organisations.
- Integrity meeting 34 participants, world-citizenship event 46, summit evaluated 7.8.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group

from learninglines.models import Evaluation, Registration
from memberhub.models import EventPage, ImpactStoryPage
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.learninglines.factories import make_line, make_registration, make_session
from tests.mailings.factories import make_impact_story, make_mailing
from yearplan import selectors
from yearplan.models import (
    ActionSignup,
    AssemblyRegistration,
    Campaign,
    CampaignAction,
    GeneralAssembly,
    Proxy,
)
from yearplan.permissions import BOARD_GROUP_NAME

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = datetime.date(2026, 12, 2)


def moment(month, day=10, year=2026, hour=14):
    return datetime.datetime(year, month, day, hour, tzinfo=AMS)


def make_event(site_structure, title, slug, when, **fields):
    index = site_structure["sections"]["agenda"]
    page = EventPage(title=title, slug=slug, summary="Samenvatting", start=when,
                     end=when + datetime.timedelta(hours=3), timezone="Europe/Amsterdam",
                     location="Utrecht", contact_email="agenda@example.org",
                     locale=index.locale, **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(selectors, "_today", lambda: TODAY)
    return TODAY


@pytest.fixture
def board(db):
    user = UserFactory(email="bestuur@example.org")
    user.groups.add(Group.objects.get(name=BOARD_GROUP_NAME))
    return user


@pytest.fixture
def year_data(site_structure, today):
    orgs = {name: OrganisationFactory(name=f"Org {name}") for name in "ABCDE"}
    orgs["X"] = OrganisationFactory(name="Org X", active=False)
    people = {name: MembershipFactory(organisation=org).user for name, org in orgs.items()}
    second_a = MembershipFactory(organisation=orgs["A"]).user

    line = make_line(site_structure, "Lijn 1")
    start = moment(3)
    session = make_session(line, start=start, end=start + datetime.timedelta(hours=2))
    for name, score in (("A", 4), ("B", 3)):
        registration = make_registration(session, people[name], orgs[name],
                                         status=Registration.Status.ATTENDED)
        Evaluation.objects.create(registration=registration, score=score)
    make_registration(session, people["C"], orgs["C"])  # registered, no-show

    event = make_event(site_structure, "ALV voorjaar", "alv-voorjaar-2026", moment(4))
    assembly = GeneralAssembly.objects.create(event=event, season="spring")
    checked = moment(4, hour=13)
    for user, name, present in ((people["A"], "A", True), (second_a, "A", True),
                                (people["B"], "B", True), (people["D"], "D", False),
                                (people["X"], "X", True)):
        AssemblyRegistration.objects.create(assembly=assembly, user=user,
                                            organisation=orgs[name],
                                            checked_in_at=checked if present else None)
    Proxy.objects.create(assembly=assembly, giver=orgs["C"], holder=orgs["A"])

    stories = [make_impact_story(site_structure, f"Verhaal {n}") for n in range(4)]
    for story, published in zip(stories, (moment(1), moment(5), moment(11),
                                          moment(12, year=2025)), strict=True):
        ImpactStoryPage.objects.filter(pk=story.pk).update(first_published_at=published)

    for month in (1, 2):
        mailing = make_mailing(subject=f"Ledenmailing {month}")
        type(mailing).objects.filter(pk=mailing.pk).update(status="sent",
                                                           sent_at=moment(month))
    make_mailing(subject="Concept")

    campaign = Campaign.objects.create(title="Campagne")
    june = CampaignAction.objects.create(campaign=campaign, title="Actiedag",
                                         date=datetime.date(2026, 6, 13))
    september = CampaignAction.objects.create(campaign=campaign, title="Petitie",
                                              date=datetime.date(2026, 9, 15))
    for action, name in ((june, "A"), (june, "B"), (september, "A"), (june, "X")):
        ActionSignup.objects.create(action=action, organisation=orgs[name])

    make_event(site_structure, "Integriteit", "integriteitsbijeenkomst-2026", moment(5),
               participants=34)
    make_event(site_structure, "Wereldburgerschap", "wereldburgerschap-2026", moment(9),
               participants=46)
    make_event(site_structure, "Top", "top-2026", moment(10),
               evaluation_score=Decimal("7.8"))
    return {"orgs": orgs, "people": people, "assembly": assembly, "session": session}
