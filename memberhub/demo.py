"""Demo organisations and accounts (fictional names)."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from memberhub.models import MemberOrganisation, Membership, User
from portal.visibility import EDITORS_GROUP_NAME

ORGANISATIONS = [
    ("Stichting Waterbron", "Schoon drinkwater en sanitatie in Oost-Afrika.", 2008),
    ("Aarde & Recht", "Landrechten en klimaatrechtvaardigheid voor inheemse gemeenschappen.", 2012),
    ("Kinderkansen Internationaal", "Onderwijs en bescherming van kinderen in crisisgebieden.",
     2005),
    ("Vrouwen voor Verandering", "Economische zelfstandigheid van vrouwen in West-Afrika.", 2015),
    ("Digitaal Dorp", "Digitale vaardigheden en open technologie in rurale gebieden.", 2019),
    ("Gezond Samen", "Eerstelijnsgezondheidszorg samen met lokale klinieken.", 2003),
    ("Vrede Nu Netwerk", "Vredesopbouw en dialoog in fragiele staten.", 2010),
    ("Oogst Coöperatie", "Duurzame landbouw en eerlijke handel met boerencoöperaties.", 2001),
    ("Open Ruimte Foundation", "Steun aan het maatschappelijk middenveld onder druk.", 2017),
    ("Lokaal Leiderschap", "Lokaal geleide samenwerking en eerlijke partnerschappen.", 2021),
]
INACTIVE = {"Open Ruimte Foundation"}

# Demo accounts named in the README. Passwords are for the demo only.
ACCOUNTS = {
    "editor": ("redacteur@example.org", "Demo-redacteur-2026", "Eva", "de Redacteur"),
    "org_admin": ("beheerder@waterbron.example.org", "Demo-beheerder-2026", "Bram", "Beheer"),
    "member": ("lid@example.org", "Demo-lid-2026", "Lotte", "Lid"),
    "admin": ("admin@example.org", "Demo-admin-2026", "Ada", "Admin"),
}


def _ensure_user(email, password, first_name, last_name, **extra):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name=first_name, last_name=last_name, **extra)
        user.set_password(password)
        user.save()
    return user


def load(context):
    organisations = {}
    for name, description, since in ORGANISATIONS:
        organisation, _created = MemberOrganisation.objects.get_or_create(
            slug=slugify(name),
            defaults={
                "name": name,
                "description": description,
                "member_since": datetime.date(since, 1, 1),
                "website": f"https://{slugify(name)}.example.org/",
                "active": name not in INACTIVE,
            },
        )
        organisations[name] = organisation

    email, password, first, last = ACCOUNTS["editor"]
    editor = _ensure_user(email, password, first, last)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))

    email, password, first, last = ACCOUNTS["admin"]
    _ensure_user(email, password, first, last, is_staff=True, is_superuser=True)

    email, password, first, last = ACCOUNTS["org_admin"]
    org_admin = _ensure_user(email, password, first, last)
    Membership.objects.get_or_create(
        user=org_admin, organisation=organisations["Stichting Waterbron"],
        defaults={"role": Membership.Role.ADMIN},
    )

    email, password, first, last = ACCOUNTS["member"]
    member = _ensure_user(email, password, first, last)
    for name in ("Stichting Waterbron", "Digitaal Dorp"):
        Membership.objects.get_or_create(
            user=member, organisation=organisations[name],
            defaults={"role": Membership.Role.AUTHOR},
        )
    context["organisations"] = organisations
    load_publications(context, organisations, member, org_admin, editor)


# --- Organisation pages and member publications -----------------------------------------

ORGANISATION_THEMES = {
    "Stichting Waterbron": ["Klimaat", "Lokaal geleide samenwerking"],
    "Aarde & Recht": ["Klimaat", "Dekolonisatie", "Maatschappelijke ruimte"],
    "Kinderkansen Internationaal": ["Integriteit", "Kwaliteit"],
    "Vrouwen voor Verandering": ["Gender", "Machtsverhoudingen"],
    "Digitaal Dorp": ["Kunstmatige intelligentie", "Digitale autonomie", "Cyberveiligheid"],
    "Gezond Samen": ["Kwaliteit", "Lokaal geleide samenwerking"],
    "Vrede Nu Netwerk": ["Maatschappelijke ruimte", "Nieuwe coalities"],
    "Oogst Coöperatie": ["Klimaat", "Nieuwe coalities"],
    "Open Ruimte Foundation": ["Maatschappelijke ruimte"],
    "Lokaal Leiderschap": ["Lokaal geleide samenwerking", "Machtsverhoudingen"],
}

# (organisation or None for the association, title, summary, themes, days ago)
NEWS = [
    ("Stichting Waterbron", "Honderd nieuwe waterpunten in Turkana",
     "Samen met lokale comités bouwden we dit jaar honderd waterpunten.", ["Klimaat"], 3),
    ("Digitaal Dorp", "Open-source lesmateriaal over AI voor dorpsscholen",
     "Ons nieuwe lespakket legt uit wat AI wel en niet kan.", ["Kunstmatige intelligentie"], 6),
    ("Aarde & Recht", "Rechter erkent landrechten van inheemse gemeenschap",
     "Een belangrijke uitspraak na tien jaar procederen.", ["Dekolonisatie"], 9),
    ("Vrouwen voor Verandering", "Spaargroepen groeien naar 4.000 leden",
     "Vrouwen in Mali en Senegal sparen en lenen samen.", ["Gender"], 12),
    ("Gezond Samen", "Klinieken delen hun kwaliteitsdata",
     "Twaalf partnerklinieken maken hun cijfers openbaar.", ["Kwaliteit"], 15),
    ("Vrede Nu Netwerk", "Dialoogtafels in de Sahel van start",
     "Jongeren en dorpsoudsten praten over veiligheid.", ["Maatschappelijke ruimte"], 18),
    ("Oogst Coöperatie", "Eerste oogst fairtrade cacao uit nieuwe coöperatie",
     "Tweehonderd boeren verkopen voor het eerst samen.", ["Nieuwe coalities"], 21),
    ("Kinderkansen Internationaal", "Noodonderwijs voor 3.000 kinderen",
     "Tijdelijke scholen in vluchtelingenkampen openen hun deuren.", ["Kwaliteit"], 24),
    ("Lokaal Leiderschap", "Partners bepalen zelf de agenda",
     "Hoe wij ons partnerschapsmodel omgooiden.", ["Lokaal geleide samenwerking"], 27),
    ("Digitaal Dorp", "Cyberhygiëne voor kleine organisaties",
     "Vijf maatregelen die elke organisatie vandaag kan nemen.", ["Cyberveiligheid"], 30),
    (None, "Ledenvergadering kiest nieuw bestuur",
     "De algemene ledenvergadering koos drie nieuwe bestuursleden.", ["Integriteit"], 5),
    (None, "Vereniging reageert op bezuinigingen op ontwikkelingssamenwerking",
     "Onze reactie op de plannen van het kabinet.", ["Politiek en beleid"], 1),
]
NEWS_IN_MODERATION = ("Stichting Waterbron", "Vrijwilligers gezocht voor waterproject",
                      "We zoeken vrijwilligers met technische kennis.", ["Klimaat"])
NEWS_CHANGES_REQUESTED = ("Digitaal Dorp", "Datalab in Kisumu geopend",
                          "Ons derde datalab opende deze maand.", ["Digitale autonomie"])
CHANGES_COMMENT = ("Mooi bericht! Kun je nog een zin toevoegen over wie het datalab gebruikt, "
                   "en de bron van het bezoekersaantal noemen?")

# (organisation, title, summary, country code, partner, sdgs, results, quote, attribution)
IMPACT_STORIES = [
    ("Stichting Waterbron", "Schoon water, minder ziekte in Lodwar",
     "Sinds de waterpunten er zijn, daalde diarree bij kinderen sterk.", "KE",
     "Turkana Water Committee", [6, 3], [("42%", "minder diarree bij kinderen onder vijf"),
                                         ("12.000", "mensen met schoon drinkwater")],
     "Mijn dochters gaan nu naar school in plaats van water te halen.", "Akai, moeder"),
    ("Vrouwen voor Verandering", "Sparen maakt sterk",
     "Vrouwen in spaargroepen starten eigen bedrijfjes.", "ML", "Femmes Unies",
     [5, 1], [("4.000", "leden van spaargroepen"), ("650", "nieuwe bedrijfjes")],
     "Ik beslis nu zelf waar het geld naartoe gaat.", "Aminata, ondernemer"),
    ("Aarde & Recht", "Land terug in eigen beheer",
     "Een gemeenschap kreeg na tien jaar haar land terug.", "BR", "Rede Terra Viva",
     [15, 16], [("8.500", "hectare land erkend")], "", ""),
    ("Digitaal Dorp", "Van dorp naar datalab",
     "Jongeren leren programmeren en starten digitale diensten.", "KE", "Kisumu Youth Tech",
     [4, 8], [("320", "jongeren getraind"), ("45", "nieuwe banen")],
     "Ik bouw nu apps voor boeren in mijn eigen dorp.", "Otieno, 19"),
    ("Gezond Samen", "Moeders veilig bevallen",
     "Betere kraamzorg in drie districten.", "UG", "Mbale Health Trust",
     [3], [("30%", "minder complicaties bij bevallingen")], "", ""),
    ("Oogst Coöperatie", "Eerlijke prijs voor cacao",
     "Boeren verdienen meer door samen te verkopen.", "GH", "Kuapa Partners",
     [2, 8, 12], [("200", "boeren in de coöperatie"), ("+25%", "inkomen per gezin")],
     "Samen staan we sterker tegenover de opkopers.", "Kwame, boer"),
]

# (organisation, title, summary, closing in days (negative: closed), location)
VACANCIES = [
    ("Stichting Waterbron", "Programmamanager WASH", "Leid ons programma in Oost-Afrika.",
     21, "Utrecht"),
    ("Digitaal Dorp", "Junior data-analist", "Help ons met data over digitale inclusie.",
     35, "Amsterdam / op afstand"),
    ("Gezond Samen", "Fondsenwerver (32 uur)", "Werf fondsen voor eerstelijnszorg.",
     10, "Den Haag"),
    ("Kinderkansen Internationaal", "Communicatiemedewerker",
     "Vertel de verhalen van onze programma's.", -5, "Amsterdam"),
    ("Vrede Nu Netwerk", "Stagiair beleid", "Werk mee aan ons beleid voor fragiele staten.",
     -20, "Den Haag"),
]

# (organisation or None, title, summary, days from now, hours, location, online, zone)
EVENTS = [
    ("Stichting Waterbron", "Webinar: water en klimaat", "Wat klimaatverandering betekent "
     "voor watervoorziening.", 14, 2, "", "https://meet.example.org/water", "Europe/Amsterdam"),
    ("Digitaal Dorp", "Workshop AI-beleid voor ngo's", "Samen een AI-beleid opstellen.",
     28, 3, "Digitaal Dorp, Amsterdam", "", "Europe/Amsterdam"),
    ("Vrouwen voor Verandering", "Livestream vanuit Bamako", "Ondernemers vertellen.",
     40, 1, "", "https://meet.example.org/bamako", "Africa/Bamako"),
    (None, "Nieuwjaarsbijeenkomst van de vereniging", "Proosten op het nieuwe jaar.",
     60, 3, "Pakhuis de Zwijger, Amsterdam", "", "Europe/Amsterdam"),
    ("Aarde & Recht", "Lezing landrechten", "Een terugblik op tien jaar procederen.",
     -10, 2, "Utrecht", "", "Europe/Amsterdam"),
    ("Gezond Samen", "Open dag kliniekpartners", "Kennismaken met onze partners.",
     -30, 4, "Den Haag", "", "Europe/Amsterdam"),
]
EVENT_IN_MODERATION = ("Stichting Waterbron", "Inloopavond waterproject Turkana",
                       "Kom luisteren naar onze projectleiders.", 21, 2, "Utrecht", "",
                       "Europe/Amsterdam")

# The text of each demo item: its own paragraphs, never a repeat of the summary and no
# shared closing line (issue 12, item 23).
BODIES = {
    "Honderd nieuwe waterpunten in Turkana": [
        "Elk waterpunt wordt beheerd door een comité uit het dorp zelf, met minstens de helft "
        "vrouwen. De comités innen een kleine bijdrage per jerrycan voor onderhoud.",
        "Volgend jaar volgen nog zestig punten langs de weg naar Kakuma."],
    "Open-source lesmateriaal over AI voor dorpsscholen": [
        "Leraren in Kenia en Oeganda testten de lessen een half jaar lang. Hun vragen staan nu "
        "als opdrachten in het pakket, met antwoorden in het Swahili en het Engels."],
    "Rechter erkent landrechten van inheemse gemeenschap": [
        "De rechtbank in Belém oordeelde dat de gemeenschap het gebied al generaties bewoont "
        "en beheert. Het bedrijf dat er wilde kappen moet vertrekken.",
        "Onze partner Rede Terra Viva begeleidde de zaak vanaf het eerste bezwaar."],
    "Spaargroepen groeien naar 4.000 leden": [
        "Een groep telt vijftien tot dertig vrouwen die elke week samen inleggen. Wie wil "
        "lenen, legt haar plan voor aan de groep; de terugbetaling ligt boven de 95 procent."],
    "Klinieken delen hun kwaliteitsdata": [
        "Wachttijden, verwijzingen en de tevredenheid van patiënten staan voortaan per "
        "kwartaal online. De klinieken vergelijken zich zo met elkaar en leren van de beste."],
    "Dialoogtafels in de Sahel van start": [
        "De eerste tafels kwamen bijeen in Mopti en Ségou. Jongeren vroegen vooral om werk en "
        "om veilige wegen naar de markt; de oudsten om respect voor lokale afspraken."],
    "Eerste oogst fairtrade cacao uit nieuwe coöperatie": [
        "De boeren kregen dit seizoen een vaste minimumprijs en een premie per ton. Met de "
        "premie kiezen ze zelf: dit jaar een droogloods en een waterpomp."],
    "Noodonderwijs voor 3.000 kinderen": [
        "Leraren uit de kampen zelf geven les in tenten met zonnepanelen. Naast taal en "
        "rekenen is er elke dag tijd voor spel en psychosociale steun."],
    "Partners bepalen zelf de agenda": [
        "Vroeger schreven wij het programma en zochten we daarna partners. Nu stellen de "
        "partners het plan op en beslissen zij mee over het budget.",
        "Het vraagt geduld, en het levert betere projecten op."],
    "Cyberhygiëne voor kleine organisaties": [
        "Zet tweestapsverificatie aan, maak elke week een back-up, houd software bij, gebruik "
        "een wachtwoordbeheerder en oefen één keer per jaar wat je doet bij een lek."],
    "Ledenvergadering kiest nieuw bestuur": [
        "Het nieuwe bestuur bestaat uit directeuren van drie lidorganisaties van "
        "verschillende grootte. De vergadering bedankte de vertrekkende voorzitter na acht jaar."],
    "Vereniging reageert op bezuinigingen op ontwikkelingssamenwerking": [
        "De plannen raken vooral programma's voor maatschappelijke organisaties in het "
        "zuiden. We vragen de Kamer de bezuiniging te spreiden en de meest kwetsbare landen te "
        "ontzien."],
    "Vrijwilligers gezocht voor waterproject": [
        "We zoeken mensen met ervaring in pompen, zonne-energie of waterkwaliteit die twee "
        "weken per jaar mee willen naar Turkana."],
    "Datalab in Kisumu geopend": [
        "Het lab heeft twintig werkplekken en een snelle verbinding. Jongeren volgen er "
        "avondlessen in programmeren en data-analyse."],
    "Schoon water, minder ziekte in Lodwar": [
        "Voorheen liepen vrouwen en meisjes elke dag uren naar een rivierbedding. Nu staat er "
        "een waterpunt op tien minuten lopen, en de kliniek ziet veel minder kinderen met "
        "diarree."],
    "Sparen maakt sterk": [
        "Met een eerste lening van vijftig euro begonnen veel vrouwen een kraam of een "
        "naaiatelier. Wie slaagt, wordt mentor van nieuwe leden."],
    "Land terug in eigen beheer": [
        "Na de uitspraak heeft de gemeenschap zelf een beheerplan gemaakt: waar gejaagd mag "
        "worden, waar bos blijft staan en waar gewassen komen."],
    "Van dorp naar datalab": [
        "In negen maanden leren jongeren programmeren, samenwerken en een klant helpen. Een "
        "kwart start daarna een eigen bedrijf."],
    "Moeders veilig bevallen": [
        "Verloskundigen kregen bijscholing en elk district een ambulance. Zwangere vrouwen "
        "komen vaker op controle, omdat de kliniek nu ook 's avonds open is."],
    "Eerlijke prijs voor cacao": [
        "Door samen te verkopen onderhandelen de boeren rechtstreeks met de exporteur. De "
        "kwaliteit ging omhoog, omdat de coöperatie zelf de bonen droogt en sorteert."],
    "Programmamanager WASH": [
        "Je stuurt een team van zes in Nairobi en Utrecht aan en onderhoudt de contacten met "
        "de waterautoriteiten. Ervaring met programma's van institutionele donoren is een pré."],
    "Junior data-analist": [
        "Je bouwt dashboards over het bereik van onze trainingen en helpt partners hun eigen "
        "gegevens te verzamelen. Je werkt met Python of R en legt cijfers helder uit."],
    "Fondsenwerver (32 uur)": [
        "Je schrijft aanvragen bij fondsen en bedrijven en onderhoudt de relatie met "
        "grote gevers. Je werkt nauw samen met de programmateams."],
    "Communicatiemedewerker": [
        "Je maakt reportages met collega's in het veld en beheert de website en de "
        "nieuwsbrief. Je schrijft toegankelijk, ook voor kinderen."],
    "Stagiair beleid": [
        "Je doet onderzoek voor ons lobbywerk in Den Haag en Brussel en schrijft mee aan "
        "notities voor Kamerleden. De stage duurt vijf maanden."],
    "Webinar: water en klimaat": [
        "Hydrologen uit Kenia en Nederland laten zien hoe droogte en overstromingen de "
        "waterpunten bedreigen, en wat comités er zelf aan doen."],
    "Workshop AI-beleid voor ngo's": [
        "Je gaat naar huis met een eerste versie van een AI-beleid voor je eigen organisatie. "
        "Neem je laptop mee."],
    "Livestream vanuit Bamako": [
        "Drie ondernemers uit de spaargroepen vertellen over hun bedrijf en beantwoorden "
        "vragen uit de chat, met vertaling uit het Frans."],
    "Nieuwjaarsbijeenkomst van de vereniging": [
        "De voorzitter blikt kort terug en vooruit; daarna is er tijd om bij te praten met "
        "collega's van andere leden. Er is eten en muziek."],
    "Lezing landrechten": [
        "Advocaat en onderzoeker vertellen hoe de zaak begon, welke bewijzen de doorslag gaven "
        "en wat andere gemeenschappen ervan kunnen leren."],
    "Open dag kliniekpartners": [
        "Directeuren van vier partnerklinieken zijn in Nederland en laten zien hoe zij werken. "
        "Er zijn rondetafels over kwaliteit en financiering."],
    "Inloopavond waterproject Turkana": [
        "De projectleiders laten foto's en kaarten zien en vertellen wat er het komende jaar "
        "gebeurt. Vragen zijn welkom."],
}

# (palette, what the drawing shows) per news item and impact story with a demo image.
IMAGE_SCENES = {
    "water": "een getekend landschap in blauwtinten: heuvels, een gele zon en witte huisjes",
    "land": "een getekend landschap in aardetinten: glooiend land, een oranje zon en huisjes",
    "green": "een getekend landschap in groentinten: akkers op heuvels en huisjes in de zon",
    "city": "een getekende skyline in paarstinten met heuvels en een oranje zon",
    "dusk": "een getekend landschap bij zonsondergang: rode heuvels en gele daken",
}
ORGANISATION_PALETTES = {
    "Stichting Waterbron": "water", "Aarde & Recht": "land", "Oogst Coöperatie": "green",
    "Digitaal Dorp": "city", "Vrouwen voor Verandering": "dusk", "Gezond Samen": "water",
    "Vrede Nu Netwerk": "dusk", "Kinderkansen Internationaal": "green",
    "Lokaal Leiderschap": "land", None: "city",
}


def _body(title):
    return "".join(f"<p>{paragraph}</p>" for paragraph in BODIES[title])


def _image_and_alt(name, title):
    """A demo image for an item of organisation ``name`` and its alternative text."""
    from portal.demo_images import demo_image

    palette = ORGANISATION_PALETTES.get(name, "water")
    image = demo_image(slugify(title), f"Illustratie: {title}", palette)
    return image, f"Illustratie bij ‘{title}’: {IMAGE_SCENES[palette]}."


def _themes(names):
    from portal.models import ThemeTag

    return list(ThemeTag.objects.filter(name__in=names))


def _existing(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _add(parent, page, themes, *, days_ago=None, publish=True, user=None):
    from portal.site_structure import publish_page

    if not publish:
        page.live = False
    parent.add_child(instance=page)
    page.themes.set(_themes(themes))
    page.save()
    if publish:
        publish_page(page, user=user)
        if days_ago is not None:
            moment = timezone.now() - datetime.timedelta(days=days_ago)
            type(page).objects.filter(pk=page.pk).update(first_published_at=moment,
                                                         last_published_at=moment)
    else:
        page.save_revision(user=user, log_action=False)
    return page


def _submit(page, user):
    """Put the page's latest revision in its workflow, as 'submit for moderation' does."""
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress:
        return None
    return workflow.start(page, user)


def load_publications(context, organisations, member, org_admin, editor):
    from memberhub.models import (
        EventPage,
        ImpactStoryImage,
        ImpactStoryPage,
        ImpactStoryResult,
        NewsPage,
        OrganisationPage,
        VacancyPage,
    )
    from memberhub.services import ensure_member_workflow, sync_all_organisations
    from portal.models import Country, SustainableDevelopmentGoal

    sync_all_organisations()
    ensure_member_workflow()
    pages = {org.name: OrganisationPage.objects.get(organisation=org)
             for org in organisations.values()}
    for name, theme_names in ORGANISATION_THEMES.items():
        page = pages[name]
        if not page.themes.exists():
            page.themes.set(_themes(theme_names))
            page.save()
    sections = context["sections"]

    def parent_for(name, section):
        return pages[name] if name else sections[section]

    for name, title, summary, themes, days_ago in NEWS:
        parent = parent_for(name, "nieuws")
        slug = slugify(title)
        if _existing(parent, NewsPage, slug) is None:
            image, alt = _image_and_alt(name, title)
            _add(parent, NewsPage(title=title, slug=slug, summary=summary, body=_body(title),
                                  image=image, image_alt=alt),
                 themes, days_ago=days_ago)

    # Submitted for moderation: in the workflow, not live.
    name, title, summary, themes = NEWS_IN_MODERATION
    slug = slugify(title)
    if _existing(pages[name], NewsPage, slug) is None:
        page = _add(pages[name], NewsPage(title=title, slug=slug, summary=summary,
                                          body=_body(title), owner=org_admin),
                    themes, publish=False, user=org_admin)
        _submit(page, org_admin)

    # Changes requested, with the editor's comment.
    name, title, summary, themes = NEWS_CHANGES_REQUESTED
    slug = slugify(title)
    if _existing(pages[name], NewsPage, slug) is None:
        page = _add(pages[name], NewsPage(title=title, slug=slug, summary=summary,
                                          body=_body(title), owner=member),
                    themes, publish=False, user=member)
        state = _submit(page, member)
        if state is not None:
            task_state = state.current_task_state
            task_state.task.specific.on_action(task_state, editor, "reject",
                                               comment=CHANGES_COMMENT)

    for (name, title, summary, code, partner, sdgs, results, quote,
         attribution) in IMPACT_STORIES:
        slug = slugify(title)
        if _existing(pages[name], ImpactStoryPage, slug) is not None:
            continue
        image, alt = _image_and_alt(name, title)
        story = ImpactStoryPage(
            title=title, slug=slug, summary=summary, change=_body(title),
            country=Country.objects.filter(code=code).first(), partner_organisation=partner,
            quote=quote, quote_attribution=attribution,
        )
        story.results = [ImpactStoryResult(figure=figure, label=label)
                         for figure, label in results]
        story.images = [ImpactStoryImage(image=image, alt_text=alt)]
        story.sdgs = list(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
        _add(pages[name], story, ORGANISATION_THEMES[name][:1],
             days_ago=7 * (IMPACT_STORIES.index((name, title, summary, code, partner, sdgs,
                                                 results, quote, attribution)) + 1))

    today = timezone.localdate()
    for name, title, summary, closes_in, location in VACANCIES:
        slug = slugify(title)
        if _existing(pages[name], VacancyPage, slug) is not None:
            continue
        _add(pages[name], VacancyPage(
            title=title, slug=slug, summary=summary, body=_body(title), location=location,
            hours="32–36", closing_date=today + datetime.timedelta(days=closes_in),
            application_email=f"vacatures@{slugify(name)}.example.org",
        ), ORGANISATION_THEMES[name][:1], days_ago=max(0, 30 + min(closes_in, 0)))

    for event, publish in [(event, True) for event in EVENTS] + [(EVENT_IN_MODERATION, False)]:
        name, title, summary, days, hours, location, online, zone = event
        parent = parent_for(name, "agenda")
        slug = slugify(title)
        if _existing(parent, EventPage, slug) is not None:
            continue
        local = datetime.datetime.combine(today + datetime.timedelta(days=days),
                                          datetime.time(14, 0), tzinfo=ZoneInfo(zone))
        page = EventPage(
            title=title, slug=slug, summary=summary, body=_body(title), start=local,
            end=local + datetime.timedelta(hours=hours), timezone=zone, location=location,
            online_url=online, contact_email="agenda@example.org",
            owner=org_admin if not publish else None,
        )
        _add(parent, page, ORGANISATION_THEMES.get(name, ["Nieuwe coalities"])[:1],
             days_ago=abs(days) + 7 if publish else None, publish=publish,
             user=None if publish else org_admin)
        if not publish:
            _submit(page, org_admin)
