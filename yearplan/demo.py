"""Demo content for the year plan: the 2026 plan (made by migration 0002), the events its
targets are about (integrity meeting, world-citizenship event, summit, with their
participants and evaluation), a spring general assembly with registrations, check-ins
and a proxy, and a campaign with joint actions and sign-ups. Idempotent."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

ZONE = ZoneInfo("Europe/Amsterdam")
# (slug, title, summary, date, location, participants, evaluation 1-10)
EVENTS = [
    ("algemene-ledenvergadering-voorjaar-2026", "Algemene ledenvergadering voorjaar 2026",
     "Jaarverslag, begroting en de gedragscode.", datetime.date(2026, 4, 16),
     "Utrecht", None, None),
    ("integriteitsbijeenkomst-2026", "Integriteitsbijeenkomst 2026",
     "Meldpunten, protocollen en wat we van elkaar leren.", datetime.date(2026, 5, 21),
     "Den Haag", 34, None),
    ("wereldburgerschap-2026", "Wereldburgerschap: het evenement 2026",
     "Jongeren, scholen en ngo's over wereldburgerschap.", datetime.date(2026, 9, 24),
     "Amsterdam", 46, None),
    ("top-2026", "Top 2026: overheid, bedrijfsleven en kennispartners",
     "Samen werken aan internationale samenwerking.", datetime.date(2026, 10, 29),
     "Den Haag", 120, "7.8"),
]
BODIES = {
    "algemene-ledenvergadering-voorjaar-2026": (
        "<p>Op de voorjaarsvergadering bespreken we het jaarverslag 2025 en de begroting, en "
        "stemmen we over de herziene gedragscode.</p>"
        "<p>Kun je er niet bij zijn? Geef dan een volmacht aan een andere lidorganisatie, "
        "zodat je organisatie toch meetelt.</p>"),
    "integriteitsbijeenkomst-2026": (
        "<p>Vertrouwenspersonen en directeuren vertellen hoe hun meldpunt werkt en wat ze "
        "na een melding hebben veranderd.</p>"
        "<p>In kleine groepen vergelijken we protocollen en spreken we af wat we samen "
        "verbeteren.</p>"),
    "wereldburgerschap-2026": (
        "<p>Scholieren, docenten en ngo's laten zien hoe zij wereldburgerschap in de klas "
        "en in de wijk brengen.</p>"
        "<p>Er is een markt met lesmateriaal en een debat met jongeren over eerlijke "
        "handel.</p>"),
    "top-2026": (
        "<p>Overheid, bedrijfsleven en kennispartners zoeken met de leden naar nieuwe "
        "vormen van internationale samenwerking.</p>"
        "<p>De dag sluit af met de presentatie van de gezamenlijke agenda voor 2027.</p>"),
}
# (e-mail, first name, last name, organisation, checked in)
ATTENDEES = [
    ("beheerder@waterbron.example.org", None, None, "Stichting Waterbron", True),
    ("alv.waterbron@example.org", "Sanne", "Bron", "Stichting Waterbron", True),
    ("alv.aarde@example.org", "Ahmed", "Recht", "Aarde & Recht", True),
    ("alv.digitaal@example.org", "Daan", "Dorp", "Digitaal Dorp", True),
    ("alv.gezond@example.org", "Greet", "Samen", "Gezond Samen", True),
    ("alv.oogst@example.org", "Otto", "Oogst", "Oogst Coöperatie", True),
    ("alv.vrede@example.org", "Vera", "Vrede", "Vrede Nu Netwerk", False),
]
PROXY = ("Lokaal Leiderschap", "Digitaal Dorp")
CAMPAIGN = ("Campagne internationale samenwerking",
            "Samen met een brede coalitie vragen we aandacht voor internationale "
            "samenwerking.")
ACTIONS = [("Publieksdag op het Malieveld", datetime.date(2026, 6, 13),
            ["Stichting Waterbron", "Aarde & Recht", "Digitaal Dorp", "Gezond Samen"]),
           ("Petitie aan de Tweede Kamer", datetime.date(2026, 9, 15),
            ["Stichting Waterbron", "Vrouwen voor Verandering", "Oogst Coöperatie",
             "Open Ruimte Foundation", "Vrede Nu Netwerk"])]


def _events(context):
    from decimal import Decimal

    from memberhub.models import EventPage
    from portal.site_structure import publish_page

    parent = context["sections"]["agenda"]
    pages = {}
    for slug, title, summary, day, location, participants, evaluation in EVENTS:
        page = EventPage.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            start = datetime.datetime.combine(day, datetime.time(13, 30), tzinfo=ZONE)
            page = EventPage(title=title, slug=slug, summary=summary, body=BODIES[slug],
                             start=start,
                             end=start + datetime.timedelta(hours=4),
                             timezone="Europe/Amsterdam", location=location,
                             contact_email="agenda@example.org", participants=participants,
                             evaluation_score=Decimal(evaluation) if evaluation else None)
            parent.add_child(instance=page)
            publish_page(page)
        pages[slug] = page
    return pages


def _assembly(event, organisations):
    from memberhub.models import Membership
    from yearplan.models import AssemblyRegistration, GeneralAssembly, Proxy

    assembly, created = GeneralAssembly.objects.get_or_create(
        event=event, defaults={"season": GeneralAssembly.Season.SPRING,
                               "registration_open": False})
    if not created:
        return
    User = get_user_model()
    moment = timezone.now()
    for email, first, last, name, checked_in in ATTENDEES:
        organisation = organisations[name]
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, first_name=first, last_name=last)
            user.set_unusable_password()
            user.save()
        Membership.objects.get_or_create(user=user, organisation=organisation)
        AssemblyRegistration.objects.create(assembly=assembly, user=user,
                                            organisation=organisation,
                                            checked_in_at=moment if checked_in else None)
    giver, holder = PROXY
    Proxy.objects.create(assembly=assembly, giver=organisations[giver],
                         holder=organisations[holder])


def _campaign(organisations):
    from yearplan.models import ActionSignup, Campaign, CampaignAction

    title, description = CAMPAIGN
    if Campaign.objects.filter(title=title).exists():
        return
    campaign = Campaign.objects.create(title=title, description=description)
    for order, (action_title, day, names) in enumerate(ACTIONS):
        action = CampaignAction.objects.create(campaign=campaign, title=action_title,
                                               date=day, sort_order=order)
        for name in names:
            ActionSignup.objects.create(action=action, organisation=organisations[name])


def load(context):
    from yearplan.models import YearPlan

    organisations = context["organisations"]
    if not YearPlan.objects.filter(year=2026).exists():  # its data migration makes it
        raise RuntimeError("The 2026 year plan is missing: run migrate.")
    pages = _events(context)
    _assembly(pages["algemene-ledenvergadering-voorjaar-2026"], organisations)
    _campaign(organisations)
