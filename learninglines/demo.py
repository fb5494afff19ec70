"""Demo learning lines (the three lines of the 2026 Network & Learning agenda)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from learninglines.demo_en import SESSIONS_EN, WORKING_GROUPS_EN
from learninglines.models import (
    Evaluation,
    LearningLineCoordinator,
    LearningLinePage,
    Registration,
    SessionPage,
    WorkingGroupMembership,
    WorkingGroupPage,
)
from memberhub.models import Membership, User
from portal.models import ThemeTag
from portal.site_structure import (
    ensure_own_body,
    ensure_translation,
    paragraph_blocks,
    publish_page,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PARTICIPANT_PASSWORD = "Demo-deelnemer-2026"  # noqa: S105  # nosec B105 (demo only)

LINES = [
    {
        "slug": "digital-readiness",
        "title": "Digital Readiness",
        "summary": {
            "nl": "Verantwoord en ethisch gebruik van AI, cyberveiligheid en digitale autonomie.",
            "en": "Ethical and responsible use of AI, cybersecurity and digital autonomy.",
        },
        "practitioner": {
            "nl": "Een AI-werkgroep en netwerksessies over cyberveiligheid en digitale autonomie.",
            "en": "An AI working group and network sessions on cybersecurity and digital autonomy.",
        },
        "body": {
            "nl": ["Bijna elke organisatie werkt inmiddels met AI-hulpmiddelen, vaak zonder "
                   "afspraken over de gegevens van partners en deelnemers. In deze leerlijn "
                   "maken leden die afspraken samen, op basis van wat bij collega's al werkt.",
                   "De Digital Maturity Quick Scan is het vertrekpunt: wie de scan heeft "
                   "ingevuld, weet op welk onderdeel een netwerksessie of de werkgroep het "
                   "meeste oplevert."],
            "en": ["Almost every organisation now uses AI tools, often without agreements on "
                   "the data of partners and participants. In this line members draw up those "
                   "agreements together, building on what already works for colleagues.",
                   "The Digital Maturity Quick Scan is the starting point: once you have filled "
                   "it in, you know where a network session or the working group helps most."],
        },
        "leadership": {
            "nl": "Een leiderschapsdialoog over beleid voor digitale autonomie, AI en "
                  "cyberveiligheid.",
            "en": "A leadership dialogue on digital-autonomy policy for AI use and cybersecurity.",
        },
    },
    {
        "slug": "equitable-partnerships",
        "title": "Equitable Partnerships",
        "summary": {
            "nl": "Eerlijke partnerschapsmodellen, dekolonisatie en lokaal geleide samenwerking.",
            "en": "Fair partnership models, decolonisation and locally-led cooperation.",
        },
        "practitioner": {
            "nl": "Netwerksessies over de Power Awareness Tool en 'dekoloniseren van binnenuit', "
                  "geleid door leden.",
            "en": "Network sessions on the Power Awareness Tool and 'decolonising from within', "
                  "led by members.",
        },
        "body": {
            "nl": ["Wie bepaalt de agenda, wie beheert het geld en wiens naam staat op het "
                   "rapport? De leerlijn gaat over de machtsverhoudingen tussen Nederlandse "
                   "organisaties en hun partners, en over wat er verandert als je die serieus "
                   "neemt.",
                   "De sessies over de Power Awareness Tool organiseren we samen met een "
                   "Belgische zusterfederatie; de reeks 'dekoloniseren van binnenuit' wordt "
                   "geleid door leden die er in hun eigen organisatie mee bezig zijn."],
            "en": ["Who sets the agenda, who manages the money and whose name is on the report? "
                   "This line is about the balance of power between Dutch organisations and "
                   "their partners, and about what changes once you take it seriously.",
                   "The Power Awareness Tool sessions are co-hosted with a Belgian sister "
                   "federation; the 'decolonising from within' series is led by members who "
                   "are working on it in their own organisations."],
        },
        "leadership": {
            "nl": "Een leiderschapsdialoog over beleid voor rechtvaardige en inclusieve "
                  "organisaties.",
            "en": "A leadership dialogue on policy for equitable and inclusive organisations.",
        },
    },
    {
        "slug": "future-ready-international-cooperation",
        "title": "Future-ready International Cooperation",
        "summary": {
            "nl": "Nieuwe coalities, krimpende maatschappelijke ruimte en draagvlak voor "
                  "internationale samenwerking.",
            "en": "New coalitions, shrinking civic space and support for international "
                  "cooperation.",
        },
        "practitioner": {
            "nl": "Een traject over nieuwe coalities en netwerksessies over krimpende "
                  "maatschappelijke ruimte.",
            "en": "A trajectory on new coalitions and network sessions on shrinking civic space.",
        },
        "body": {
            "nl": ["Minder overheidsgeld, minder ruimte voor partners en een publiek dat "
                   "twijfelt: de sector verandert snel. Deze leerlijn zoekt naar coalities "
                   "buiten de vertrouwde kring, met gemeenten, bedrijven en diaspora.",
                   "In de leiderschapsdialoog bespreken directeuren wat dat vraagt van hun "
                   "organisatie, van kleinere kernteams tot gedeelde diensten."],
            "en": ["Less public funding, less room for partners and a public in doubt: the "
                   "sector is changing fast. This line looks for coalitions beyond the familiar "
                   "circle, with municipalities, businesses and diaspora organisations.",
                   "In the leadership dialogue directors discuss what that asks of their "
                   "organisations, from smaller core teams to shared services."],
        },
        "leadership": {
            "nl": "Een leiderschapsdialoog over toekomstbestendig leiderschap en "
                  "organisatieverandering.",
            "en": "A leadership dialogue on future-ready leadership and organisational "
                  "transformation.",
        },
    },
]


def load(context):
    index = context["sections"]["leerlijnen"]
    lines = {}
    for spec in LINES:
        line = LearningLinePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if line is None:
            line = LearningLinePage(
                title=spec["title"], slug=spec["slug"], summary=spec["summary"]["nl"],
                practitioner_aim=spec["practitioner"]["nl"],
                leadership_aim=spec["leadership"]["nl"], locale=index.locale,
                body=paragraph_blocks(spec["body"]["nl"]),
            )
            index.add_child(instance=line)
            publish_page(line)
        ensure_own_body(line, spec["body"]["nl"])
        lines[spec["slug"]] = line
    context["learning_lines"] = lines
    load_activities(context)


# The coordinators' roles in English (translated with the line page).
ROLES_EN = {
    "coördinator Practitioner-track": "Practitioner track coordinator",
    "coördinator Leadership-track": "Leadership track coordinator",
    "coördinator beide tracks": "coordinator of both tracks",
}


def _translate_line(line, spec, en):
    """The English line page: a wagtail-localize translation of the Dutch one."""
    ensure_translation(line, en, {
        "title": spec["title"], "summary": spec["summary"]["en"],
        "practitioner_aim": spec["practitioner"]["en"],
        "leadership_aim": spec["leadership"]["en"], "body": spec["body"]["en"],
    }, extra_texts=ROLES_EN)


def _translate(page, english, en):
    """``page`` in English from ``english`` = (title, summary, body paragraphs)."""
    title, summary, body = english
    return ensure_translation(page, en, {"title": title, "summary": summary, "body": body})


# --- the 2026 activities -----------------------------------------------------------------

# Organisation slugs (memberhub.demo) used below.
WATERBRON, AARDE, KINDEREN, VROUWEN = ("stichting-waterbron", "aarde-recht",
                                       "kinderkansen-internationaal", "vrouwen-voor-verandering")
DORP, GEZOND, VREDE, OOGST = ("digitaal-dorp", "gezond-samen", "vrede-nu-netwerk",
                              "oogst-cooperatie")
OPEN_RUIMTE, LOKAAL = "open-ruimte-foundation", "lokaal-leiderschap"

LINE_PEOPLE = {
    "digital-readiness": {
        "coordinators": [("Noor Bakker", "coördinator Practitioner-track", DORP),
                         ("Pieter de Wit", "coördinator Leadership-track", None)],
        "leaders": [DORP, WATERBRON],
    },
    "equitable-partnerships": {
        "coordinators": [("Amina Yusuf", "coördinator Practitioner-track", LOKAAL),
                         ("Pieter de Wit", "coördinator Leadership-track", None)],
        "leaders": [LOKAAL, VROUWEN],
    },
    "future-ready-international-cooperation": {
        "coordinators": [("Sanne Visser", "coördinator beide tracks", None)],
        "leaders": [VREDE, OPEN_RUIMTE],
    },
}

WORKING_GROUPS = [
    {"line": "digital-readiness", "slug": "ai-werkgroep", "title": "AI-werkgroep",
     "track": "practitioner", "leaders": [DORP], "themes": ["Kunstmatige intelligentie"],
     "summary": "Leden delen ervaringen met verantwoord en ethisch gebruik van AI en werken "
                "samen aan een handreiking voor AI-beleid in kleine en middelgrote ngo's.",
     "body": ["De werkgroep komt vier keer per jaar bij elkaar, afwisselend bij Digitaal Dorp "
              "in Utrecht en online. Tussen de bijeenkomsten door testen deelnemers de "
              "afspraken in hun eigen team.",
              "De eerste opbrengst, tien afspraken over generatieve AI, staat in de kennisbank; "
              "dit jaar volgt een handreiking voor het beleid zelf."],
     "members": [(DORP, True), (WATERBRON, True), (GEZOND, False), (KINDEREN, False)]},
    {"line": "future-ready-international-cooperation", "slug": "kerngroep-nieuwe-coalities",
     "title": "Kerngroep nieuwe coalities", "track": "practitioner", "leaders": [VREDE],
     "themes": ["Nieuwe coalities"],
     "summary": "De vaste deelnemers van het traject over nieuwe coalities voor internationale "
                "samenwerking, met partners buiten de sector.",
     "body": ["De kerngroep bereidt de trajectdagen voor en brengt na elke dag in kaart welke "
              "contacten met gemeenten, bedrijven en diasporaorganisaties iets opleveren.",
              "Halverwege het traject verscheen een tussenrapport met acht coalities van "
              "leden; de kerngroep gebruikt het om te kiezen welke vorm ze verder uitwerkt."],
     "members": [(VREDE, True), (LOKAAL, False)]},
]

# Past sessions: fixed dates in 2026. ``people``: (organisation slug, outcome, score) with
# outcome "attended", "no-show" (registered, did not come) or "cancelled"; score None
# means attended without evaluating. The figures page and tests/learninglines rely on
# these numbers (see test_demo_figures).
D = datetime.datetime


def _at(day, hour, minute=0):
    return D(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


SESSIONS = [
    # Digital Readiness, Practitioner
    {"line": "digital-readiness", "slug": "ai-werkgroep-maart", "group": "ai-werkgroep",
     "title": "AI-werkgroep: afspraken over generatieve AI", "track": "practitioner",
     "format": "working_group_meeting", "when": (D(2026, 3, 12), 14, 16),
     "location": "Digitaal Dorp, Utrecht", "hosts": [DORP], "capacity": 20,
     "themes": ["Kunstmatige intelligentie"],
     "body": [
         "Vier leden brengen hun huidige afspraken mee, van een verbod op het invoeren van "
         "namen van deelnemers tot een lijst met goedgekeurde hulpmiddelen.",
         "We zoeken de overeenkomsten en maken een eerste opzet voor gezamenlijke richtlijnen.",
     ],
     "summary": "Wat spreek je als organisatie af over generatieve AI? Leden leggen hun "
                "richtlijnen naast elkaar.",
     "people": [(DORP, "attended", 5), (WATERBRON, "attended", 4), (GEZOND, "attended", 4),
                (KINDEREN, "no-show", None)]},
    {"line": "digital-readiness", "slug": "cyberveiligheid-kleine-ngos",
     "title": "Cyberveiligheid voor kleine ngo's", "track": "practitioner",
     "format": "network_session", "when": (D(2026, 4, 9), 13, 15), "online": True,
     "hosts": [WATERBRON], "capacity": 40, "themes": ["Cyberveiligheid"],
     "body": [
         "Stichting Waterbron vertelt hoe een nagemaakte betaalopdracht hen bijna "
         "twaalfduizend euro kostte, en wat ze sindsdien anders doen.",
         "Daarna werk je in kleine groepen aan een noodplan van één pagina voor je eigen "
         "organisatie.",
     ],
     "summary": "Phishing, back-ups en wachtwoordbeleid: wat werkt voor een organisatie "
                "zonder eigen IT-afdeling?",
     "people": [(WATERBRON, "attended", 2), (AARDE, "attended", 3), (DORP, "attended", 3),
                (VROUWEN, "cancelled", None)]},
    {"line": "digital-readiness", "slug": "digitale-autonomie-weg-van-big-tech",
     "title": "Digitale autonomie: minder afhankelijk van Big Tech", "track": "practitioner",
     "format": "network_session", "when": (D(2026, 6, 11), 10, 12),
     "location": "Vereniging Samen Verder, Amsterdam", "online": True, "hosts": [DORP],
     "capacity": 30, "themes": ["Digitale autonomie"],
     "body": [
         "Digitaal Dorp laat zien hoe ze in een half jaar overstapten naar een Europese "
         "aanbieder voor mail en bestanden.",
         "Neem een overzicht mee van de diensten die jouw organisatie nu gebruikt: daarmee "
         "maken we in de tweede helft een overstapplan.",
     ],
     "summary": "Open alternatieven voor e-mail, opslag en samenwerken, en hoe je de "
                "overstap organiseert.",
     "people": [(DORP, "attended", 5), (KINDEREN, "attended", 4), (AARDE, "attended", None),
                (OPEN_RUIMTE, "attended", 4)]},
    # Digital Readiness, Leadership
    {"line": "digital-readiness", "slug": "leiderschapsdialoog-digitale-autonomie",
     "title": "Leiderschapsdialoog: beleid voor digitale autonomie", "track": "leadership",
     "format": "leadership_dialogue", "when": (D(2026, 5, 20), 16, 18),
     "location": "Vereniging Samen Verder, Amsterdam", "hosts": [WATERBRON], "capacity": 12,
     "themes": ["Digitale autonomie", "Cyberveiligheid"],
     "body": [
         "Het beleidskader digitale autonomie uit de kennisbank ligt op tafel; we bespreken "
         "welke keuzes erin bij de directie horen.",
         "Het gesprek valt onder de Chatham House-regel, zodat deelnemers vrijuit kunnen "
         "spreken.",
     ],
     "summary": "Directeuren bespreken welk mandaat en welke middelen beleid voor AI en "
                "cyberveiligheid vraagt.",
     "people": [(WATERBRON, "attended", 4), (GEZOND, "attended", 5)]},
    # Equitable Partnerships, Practitioner
    {"line": "equitable-partnerships", "slug": "power-awareness-tool-februari",
     "title": "Werken met de Power Awareness Tool", "track": "practitioner",
     "format": "network_session", "when": (D(2026, 2, 18), 13, 16), "online": True,
     "hosts": [LOKAAL], "co_host": "Federatie Noord-Zuid (België)", "capacity": 30,
     "themes": ["Machtsverhoudingen", "Lokaal geleide samenwerking"],
     "body": [
         "In tweetallen vul je de stellingen in alsof je de partner bent, en daarna vanuit je "
         "eigen organisatie.",
         "Trainers van de zusterfederatie vertellen hoe Belgische organisaties het gesprek met"
         " partners in Congo en Rwanda voerden.",
     ],
     "summary": "Samen met een zusterfederatie: hoe breng je machtsverhoudingen in een "
                "partnerschap in kaart met de Power Awareness Tool?",
     "people": [(LOKAAL, "attended", 4), (VROUWEN, "attended", 5), (WATERBRON, "attended", 4)]},
    {"line": "equitable-partnerships", "slug": "dekoloniseren-van-binnenuit-1",
     "title": "Dekoloniseren van binnenuit (1): taal en beeldvorming", "track": "practitioner",
     "format": "peer_space", "when": (D(2026, 3, 26), 14, 16),
     "location": "Lokaal Leiderschap, Den Haag", "hosts": [LOKAAL], "capacity": 15,
     "themes": ["Dekolonisatie"],
     "body": [
         "Iedere deelnemer neemt een recente folder, post of fondsenwervingsbrief van de eigen"
         " organisatie mee.",
         "Met het handboek inclusieve communicatie als leidraad herschrijven we samen één "
         "tekst.",
     ],
     "summary": "Leden onderzoeken hoe hun eigen communicatie koloniale beelden herhaalt, "
                "en wat ze anders doen.",
     "people": [(LOKAAL, "attended", 3), (VREDE, "attended", 2), (VROUWEN, "attended", 3)]},
    {"line": "equitable-partnerships", "slug": "dekoloniseren-van-binnenuit-2",
     "title": "Dekoloniseren van binnenuit (2): wie beslist over geld?",
     "track": "practitioner", "format": "peer_space", "when": (D(2026, 10, 8), 14, 16),
     "location": "Lokaal Leiderschap, Den Haag", "hosts": [LOKAAL, VROUWEN], "capacity": 15,
     "themes": ["Dekolonisatie", "Lokaal geleide samenwerking"],
     "body": [
         "Lokaal Leiderschap en Vrouwen voor Verandering vertellen hoe ze partners een eigen "
         "budget gaven en welke interne regels daarvoor moesten wijzigen.",
         "Deze bijeenkomst bouwt voort op de eerste sessie over taal en beeldvorming, maar is "
         "ook los te volgen.",
     ],
     "summary": "Beslissingsmacht over budgetten verschuiven naar partners: ervaringen en "
                "obstakels.",
     "people": [(LOKAAL, "attended", 4), (VROUWEN, "attended", None), (VREDE, "no-show", None)]},
    # Equitable Partnerships, Leadership
    {"line": "equitable-partnerships", "slug": "leiderschapsdialoog-inclusieve-organisaties",
     "title": "Leiderschapsdialoog: beleid voor rechtvaardige en inclusieve organisaties",
     "track": "leadership", "format": "leadership_dialogue", "when": (D(2026, 6, 24), 16, 18),
     "location": "Vereniging Samen Verder, Amsterdam", "hosts": [VROUWEN], "capacity": 12,
     "themes": ["Dekolonisatie"],
     "body": [
         "Twee directeuren openen met hun ervaring: de een liet partners meebeslissen over de "
         "strategie, de ander stuitte op bezwaren van de raad van toezicht.",
         "We eindigen met de vraag welke toezegging iedere deelnemer mee terugneemt naar het "
         "eigen bestuur.",
     ],
     "summary": "Welke verantwoording leggen directies af over eerlijke partnerschappen?",
     "people": [(VROUWEN, "attended", 3), (WATERBRON, "attended", 3)]},
    # Future-ready International Cooperation, Practitioner
    {"line": "future-ready-international-cooperation", "slug": "krimpende-ruimte-juli",
     "title": "Krimpende maatschappelijke ruimte: partners onder druk", "track": "practitioner",
     "format": "network_session", "when": (D(2026, 7, 2), 13, 15), "online": True,
     "hosts": [VREDE], "capacity": 50, "themes": ["Maatschappelijke ruimte"],
     "body": [
         "Een partner uit Oeganda vertelt hoe een nieuwe wet op buitenlandse financiering haar"
         " organisatie dwong tot andere bankzaken.",
         "Open Ruimte Foundation deelt een overzicht van noodfondsen en juridische hulp voor "
         "bedreigde organisaties.",
     ],
     "summary": "Hoe steun je partners die te maken krijgen met repressieve wetgeving?",
     "people": [(VREDE, "attended", 4), (LOKAAL, "attended", 5), (OPEN_RUIMTE, "attended", 5)]},
    {"line": "future-ready-international-cooperation", "slug": "nieuwe-coalities-deel-1",
     "group": "kerngroep-nieuwe-coalities",
     "title": "Traject nieuwe coalities (1): verkenning", "track": "practitioner",
     "format": "trajectory", "when": (D(2026, 9, 2), 10, 16),
     "location": "Vrede Nu Netwerk, Utrecht", "hosts": [VREDE], "capacity": 16,
     "themes": ["Nieuwe coalities"],
     "body": [
         "We brengen in kaart met welke gemeenten, bedrijven en diasporaorganisaties leden al "
         "contact hebben en wat die samenwerking oplevert.",
         "De dag eindigt met een keuze voor drie coalities die de kerngroep in het najaar "
         "verder uitwerkt.",
     ],
     "summary": "Eerste dag van het traject: met wie bouw je draagvlak buiten de sector?",
     "people": [(VREDE, "attended", 2), (LOKAAL, "attended", 3)]},
    # Future-ready International Cooperation, Leadership
    {"line": "future-ready-international-cooperation", "slug": "future-ready-leadership",
     "title": "Leiderschapsdialoog: toekomstbestendig leiderschap", "track": "leadership",
     "format": "leadership_dialogue", "when": (D(2026, 10, 21), 16, 18), "online": True,
     "language": "en", "hosts": [VREDE], "capacity": 12, "themes": ["Nieuwe coalities"],
     "body": [
         "Twee directeuren vertellen hoe ze hun organisatie door een fusie en een "
         "reorganisatie leidden, en wat ze nu anders zouden doen.",
         "De dialoog is in het Engels, zodat ook leden van de Engelstalige peergroep kunnen "
         "aanschuiven.",
     ],
     "summary": "Voor directeuren: een organisatie leiden door verandering en krimpende "
                "budgetten.",
     "people": [(VREDE, "attended", 3)]},
]

# Sessions placed relative to the day the demo is first loaded, so there is always a
# recent session to evaluate and something to register for (``days`` from today).
RELATIVE_SESSIONS = [
    {"line": "digital-readiness", "slug": "digitale-autonomie-vervolg",
     "title": "Digitale autonomie: vervolgsessie open source", "track": "practitioner",
     "format": "network_session", "days": -7, "hours": (14, 16), "online": True,
     "hosts": [DORP], "capacity": 30, "themes": ["Digitale autonomie"],
     "body": [
         "Drie organisaties die na de junisessie overstapten, laten hun planning zien en "
         "vertellen waar medewerkers tegenaan liepen.",
         "Heb je nog geen plan? Dan helpt een collega je in een breakout room op weg.",
     ],
     "summary": "Vervolg op de junisessie: leden laten zien hoe hun overstap verliep.",
     "people": [(DORP, "attended", None), (WATERBRON, "attended", None),
                ("lid", "attended", None)]},
    {"line": "digital-readiness", "slug": "ai-werkgroep-december", "group": "ai-werkgroep",
     "title": "AI-werkgroep: handreiking AI-beleid", "track": "practitioner",
     "format": "working_group_meeting", "days": 12, "hours": (14, 16),
     "location": "Digitaal Dorp, Utrecht", "hosts": [DORP], "capacity": 4,
     "themes": ["Kunstmatige intelligentie"],
     "body": [
         "Het concept telt twaalf pagina's en gaat over inkoop, gegevensbescherming en wat "
         "je medewerkers wel en niet laat doen met AI.",
         "Lees het concept vooraf: het wordt twee weken voor de bijeenkomst naar deelnemers "
         "gestuurd.",
     ],
     "summary": "De werkgroep bespreekt het concept van de handreiking. Beperkt aantal "
                "plaatsen.",
     "people": [(DORP, "registered", None), (GEZOND, "registered", None),
                (KINDEREN, "registered", None), (AARDE, "registered", None),
                (VROUWEN, "waitlisted", None)]},
    {"line": "digital-readiness", "slug": "leiderschapsdialoog-ai-en-cyber",
     "title": "Leiderschapsdialoog: AI en cyberveiligheid in de begroting",
     "track": "leadership", "format": "leadership_dialogue", "days": 26, "hours": (16, 18),
     "location": "Vereniging Samen Verder, Amsterdam", "hosts": [WATERBRON], "capacity": 12,
     "themes": ["Cyberveiligheid"],
     "body": [
         "Aan de hand van de begrotingen van twee leden bekijken we welk deel naar ICT en "
         "beveiliging gaat en wat een incident kost.",
         "Financieel directeuren zijn ook welkom, samen met hun algemeen directeur.",
     ],
     "summary": "Wat kost digitale veiligheid, en wie draagt de verantwoordelijkheid?",
     "people": [(WATERBRON, "registered", None)]},
    {"line": "equitable-partnerships", "slug": "power-awareness-tool-online",
     "title": "Power Awareness Tool 2.0: online werksessie", "track": "practitioner",
     "format": "network_session", "days": 19, "hours": (10, 12), "online": True,
     "hosts": [LOKAAL], "co_host": "Federatie Noord-Zuid (België)", "capacity": 40,
     "audience": "open", "themes": ["Machtsverhoudingen"],
     "body": [
         "Je werkt met de online versie op je eigen telefoon of laptop en ziet meteen hoe de "
         "antwoorden van de groep uiteenlopen.",
         "De sessie staat open voor partners van leden: nodig gerust een partnerorganisatie "
         "uit.",
     ],
     "summary": "Kennismaken met de online versie van de tool, samen met de zusterfederatie.",
     "people": [(VROUWEN, "registered", None)]},
    {"line": "equitable-partnerships", "slug": "leiderschapsdialoog-inclusie-vervolg",
     "title": "Leiderschapsdialoog: inclusief personeelsbeleid", "track": "leadership",
     "format": "leadership_dialogue", "days": 40, "hours": (16, 18),
     "location": "Vereniging Samen Verder, Amsterdam", "hosts": [VROUWEN], "capacity": 12,
     "themes": ["Dekolonisatie"],
     "body": [
         "In het vorige gesprek bleek dat lokale staf vaak minder verdient voor hetzelfde "
         "werk; nu bespreken we hoe organisaties dat rechttrekken.",
         "Een HR-adviseur uit de gedeelde dienstverlening van de vereniging schuift aan voor "
         "praktische vragen.",
     ],
     "summary": "Directies over werving, beloning en zeggenschap van staf in partnerlanden.",
     "people": []},
    {"line": "future-ready-international-cooperation", "slug": "nieuwe-coalities-deel-2",
     "group": "kerngroep-nieuwe-coalities",
     "title": "Traject nieuwe coalities (2): allianties met bedrijven en gemeenten",
     "track": "practitioner", "format": "trajectory", "days": 14, "hours": (10, 16),
     "location": "Vrede Nu Netwerk, Utrecht", "hosts": [VREDE], "capacity": 16,
     "themes": ["Nieuwe coalities"],
     "body": [
         "Een wethouder uit Utrecht en een duurzaamheidsmanager van een zuivelbedrijf "
         "vertellen wat zij zoeken in een ngo als partner.",
         "In de middag werken deelnemers de drie gekozen coalities uit tot een voorstel.",
     ],
     "summary": "Tweede dag: samenwerken met partners buiten de sector, van gemeenten tot "
                "bedrijven.",
     "people": [(VREDE, "registered", None), ("lid", "registered", None)]},
    {"line": "future-ready-international-cooperation", "slug": "krimpende-ruimte-webinar",
     "title": "Krimpende maatschappelijke ruimte: digitale veiligheid van partners",
     "track": "practitioner", "format": "network_session", "days": 33, "hours": (13, 15),
     "online": True, "hosts": [VREDE], "capacity": None, "audience": "open",
     "themes": ["Maatschappelijke ruimte", "Cyberveiligheid"],
     "body": [
         "Een beveiligingsspecialist laat zien welke gegevens over partners je beter niet in "
         "gedeelde mappen of chatgroepen bewaart.",
         "Het webinar wordt opgenomen; de opname komt alleen beschikbaar voor leden.",
     ],
     "summary": "Hoe bescherm je partners en hun gegevens waar de ruimte krimpt?",
     "people": []},
    {"line": "future-ready-international-cooperation",
     "slug": "future-ready-leadership-peer-dialogue",
     "title": "Leiderschapsdialoog: organisatieverandering", "track": "leadership",
     "format": "leadership_dialogue", "days": 47, "hours": (16, 18), "online": True,
     "language": "en", "hosts": [VREDE], "capacity": 12, "themes": ["Nieuwe coalities"],
     "body": [
         "Iedere deelnemer neemt één besluit mee dat de eigen organisatie komend jaar moet "
         "nemen; collega's stellen eerst vragen voordat iemand advies geeft.",
         "De opzet volgt de peercoachinggroepen voor directeuren; er kunnen twaalf mensen "
         "meedoen.",
     ],
     "summary": "Voor directeuren: hoe ziet een toekomstbestendige organisatie er in 2030 "
                "uit?",
     "people": []},
]


def _participant(organisation, number=1):
    """deelnemer<n>@<org-slug>.example.org, a member of that organisation."""
    email = f"deelnemer{number}@{organisation.slug}.example.org"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name=f"Deelnemer {number}",
                    last_name=organisation.name)
        user.set_password(PARTICIPANT_PASSWORD)
        user.save()
    Membership.objects.get_or_create(user=user, organisation=organisation,
                                     defaults={"role": Membership.Role.AUTHOR})
    return user


def _ensure_line_people(line, people, organisations):
    """Coordinators and leading organisations on a line page (set once: editors may change
    them afterwards); its translation gets them as synchronised fields."""
    line = line.specific
    if line.coordinators.exists():
        return
    line.coordinators = [
        LearningLineCoordinator(name=name, role=role, organisation=organisations.get(slug))
        for name, role, slug in people["coordinators"]
    ]
    line.leading_organisations.set([organisations[slug] for slug in people["leaders"]])
    publish_page(line)


def _ensure_working_group(line, spec, organisations):
    group = WorkingGroupPage.objects.child_of(line).filter(slug=spec["slug"]).first()
    if group is None:
        group = WorkingGroupPage(title=spec["title"], slug=spec["slug"], track=spec["track"],
                                 summary=spec["summary"], locale=line.locale,
                                 body=paragraph_blocks(spec["body"]))
        line.add_child(instance=group)
        group.leading_organisations.set([organisations[slug] for slug in spec["leaders"]])
        group.themes.set(list(ThemeTag.objects.filter(name__in=spec["themes"])))
        publish_page(group)
    for slug, show_name in spec["members"]:
        organisation = organisations[slug]
        WorkingGroupMembership.objects.get_or_create(
            group=group, user=_participant(organisation),
            defaults={"organisation": organisation, "show_name": show_name},
        )
    return group


def _ensure_session(line, spec, organisations, groups, today):
    session = SessionPage.objects.child_of(line).filter(slug=spec["slug"]).first()
    if session is not None:
        return session, False
    if "when" in spec:
        day, start_hour, end_hour = spec["when"]
    else:
        day = today + datetime.timedelta(days=spec["days"])
        start_hour, end_hour = spec["hours"]
    start, end = _at(day, start_hour), _at(day, end_hour)
    session = SessionPage(
        title=spec["title"], slug=spec["slug"], track=spec["track"], format=spec["format"],
        summary=spec["summary"], start=start, end=end, timezone="Europe/Amsterdam",
        location=spec.get("location", ""),
        online_link=(f"https://meet.example.org/{spec['slug']}" if spec.get("online") else ""),
        co_host=spec.get("co_host", ""), capacity=spec.get("capacity"),
        audience=spec.get("audience", "members"), language=spec.get("language", "nl"),
        registration_open=True, working_group=groups.get(spec.get("group")),
        locale=line.locale, body=paragraph_blocks(spec.get("body", [])),
    )
    line.add_child(instance=session)
    session.hosts.set([organisations[slug] for slug in spec["hosts"]])
    session.themes.set(list(ThemeTag.objects.filter(name__in=spec["themes"])))
    publish_page(session)
    return session, True


STATUS_OF = {"attended": Registration.Status.ATTENDED, "no-show": Registration.Status.REGISTERED,
             "cancelled": Registration.Status.CANCELLED,
             "registered": Registration.Status.REGISTERED,
             "waitlisted": Registration.Status.WAITLISTED}
COMMENTS = {5: "Heel praktisch, direct toepasbaar.", 4: "Nuttige uitwisseling.",
            3: "Interessant, maar te weinig tijd voor vragen.",
            2: "Te algemeen voor onze organisatie."}


def _ensure_registrations(session, spec, organisations, lid):
    """Registrations as in ``spec['people']``; created once (idempotent by the unique
    constraint on session and person)."""
    now = timezone.now()
    for index, (who, outcome, score) in enumerate(spec["people"]):
        if who == "lid":
            user, organisation = lid, organisations[WATERBRON]
        else:
            organisation = organisations[who]
            user = _participant(organisation)
        status = STATUS_OF[outcome]
        if status == Registration.Status.ATTENDED and session.end > now:
            continue  # attendance only for sessions that took place
        queued = session.start - datetime.timedelta(days=20, minutes=-index)
        registration, _created = Registration.objects.get_or_create(
            session=session, user=user,
            defaults={"organisation": organisation, "status": status, "queued_at": queued,
                      "cancelled_at": queued if status == Registration.Status.CANCELLED
                      else None,
                      "evaluation_invited_at": None},
        )
        if score is not None:
            Evaluation.objects.get_or_create(
                registration=registration,
                defaults={"score": score, "comment": COMMENTS.get(score, "")},
            )


def load_activities(context):
    organisations = {org.slug: org for org in context["organisations"].values()}
    lid = User.objects.get(email="lid@example.org")
    lines = context["learning_lines"]
    today = timezone.localdate()
    en = context["home_en"].locale
    for slug, people in LINE_PEOPLE.items():
        _ensure_line_people(lines[slug], people, organisations)
    for spec in LINES:
        _translate_line(lines[spec["slug"]], spec, en)
    groups = {spec["slug"]: _ensure_working_group(lines[spec["line"]], spec, organisations)
              for spec in WORKING_GROUPS}
    for slug, group in groups.items():
        _translate(group, WORKING_GROUPS_EN[slug], en)
    for spec in [*SESSIONS, *RELATIVE_SESSIONS]:
        session, _created = _ensure_session(lines[spec["line"]], spec, organisations, groups,
                                            today)
        _ensure_registrations(session, spec, organisations, lid)
        if spec["slug"] in SESSIONS_EN:
            _translate(session, SESSIONS_EN[spec["slug"]], en)
