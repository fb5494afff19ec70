"""Demo knowledge base: items of every kind across the learning lines, with small
generated PDF documents, a few English translations and the knowledge map.

Idempotent: items are found by slug, documents by title; running it twice changes nothing.
"""

import datetime
import hashlib

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from knowledge.demo_en import LINK_TITLES_EN, MORE_TRANSLATIONS
from knowledge.models import Kind, KnowledgeItemDocument, KnowledgeItemPage, KnowledgeMapPage
from portal.models import SustainableDevelopmentGoal, ThemeTag
from portal.site_structure import ensure_translation, paragraph_blocks, publish_page
from portal.translation import texts_for, translate_page

DR = "digital-readiness"
EP = "equitable-partnerships"
FR = "future-ready-international-cooperation"

WATERBRON = "Stichting Waterbron"
AARDE = "Aarde & Recht"
KINDERKANSEN = "Kinderkansen Internationaal"
VROUWEN = "Vrouwen voor Verandering"
DIGITAAL = "Digitaal Dorp"
GEZOND = "Gezond Samen"
VREDE = "Vrede Nu Netwerk"
OOGST = "Oogst Coöperatie"
OPEN_RUIMTE = "Open Ruimte Foundation"
LOKAAL = "Lokaal Leiderschap"

# Each item: slug, title, kind, language, lines, track, themes, SDGs, member organisations,
# other authors, publication date, summary, body paragraphs, options (members_only,
# pdf: document title, links: [(title, url)], related: [slugs]).
ITEMS = [
    {
        "slug": "power-awareness-tool",
        "title": "Power Awareness Tool",
        "kind": Kind.TOOL, "language": "nl", "lines": [EP], "track": "practitioner",
        "themes": ["Machtsverhoudingen", "Lokaal geleide samenwerking", "Dekolonisatie"],
        "sdgs": [10, 17], "organisations": [LOKAAL, AARDE],
        "other_authors": "Zusterfederatie voor ontwikkelingssamenwerking (co-host)",
        "date": datetime.date(2022, 3, 15),
        "summary": "Een gespreksinstrument waarmee een organisatie en haar partners samen in "
                   "kaart brengen waar de macht in hun samenwerking ligt: bij geld, kennis, "
                   "agenda en zichtbaarheid.",
        "body": [
            "De tool bestaat uit vier dimensies met elk een reeks stellingen. Partners vullen "
            "ze apart in en bespreken daarna de verschillen. Juist die verschillen maken "
            "zichtbaar wat in het dagelijks werk onbesproken blijft.",
            "Gebruik de tool aan het begin van een nieuw partnerschap, of halverwege een "
            "programma als evaluatiemoment. Reken op een halve dag voor het gesprek.",
        ],
        "pdf": "Power Awareness Tool – handleiding en stellingen",
        "links": [("Power Awareness Tool 2.0 (online)",
                   "https://powerawareness.example.org/")],
        "related": ["power-awareness-tool-2", "shift-the-power-sessie-verslag"],
    },
    {
        "slug": "power-awareness-tool-2",
        "title": "Power Awareness Tool 2.0: de online versie",
        "kind": Kind.TOOL, "language": "nl", "lines": [EP], "track": "practitioner",
        "themes": ["Machtsverhoudingen", "Lokaal geleide samenwerking"],
        "sdgs": [10, 17], "organisations": [LOKAAL],
        "date": datetime.date(2025, 9, 1),
        "summary": "De vernieuwde Power Awareness Tool werkt online: partners vullen de "
                   "stellingen in op hun eigen telefoon of laptop en zien direct waar hun "
                   "antwoorden uiteenlopen.",
        "body": [
            "Versie 2.0 is gebouwd op de ervaringen van ruim veertig gesprekken met de eerste "
            "versie. De stellingen zijn korter, er is een Engelse en een Franse versie en de "
            "uitkomsten blijven bij de deelnemers: er wordt niets centraal opgeslagen.",
            "In de netwerksessies van de leerlijn Equitable Partnerships oefenen leden met "
            "het begeleiden van het gesprek.",
        ],
        "pdf": "Power Awareness Tool 2.0 – snelstartgids",
        "links": [("Open de online tool", "https://powerawareness.example.org/2.0/")],
        "related": ["power-awareness-tool"],
    },
    {
        "slug": "power-awareness-tool-english-guide",
        "title": "Facilitating the Power Awareness Tool: a guide for partners",
        "kind": Kind.PUBLICATION, "language": "en", "lines": [EP], "track": "practitioner",
        "themes": ["Machtsverhoudingen", "Lokaal geleide samenwerking"],
        "sdgs": [17], "organisations": [LOKAAL, VREDE],
        "other_authors": "Southern partner network (reviewers)",
        "date": datetime.date(2025, 11, 20),
        "summary": "An English guide for partner organisations who want to facilitate the "
                   "Power Awareness conversation themselves, in their own language and setting.",
        "body": [
            "The guide walks a facilitator through preparation, the conversation itself and "
            "the follow-up. It includes tips for online sessions and for conversations where "
            "a funding relationship makes open talk difficult.",
        ],
        "pdf": "Facilitating the Power Awareness Tool (guide)",
    },
    {
        "slug": "digital-maturity-quick-scan",
        "title": "Digital Maturity Quick Scan",
        "kind": Kind.TOOL, "language": "nl", "lines": [DR], "track": "both",
        "themes": ["Digitale autonomie", "Cyberveiligheid"],
        "sdgs": [9, 17], "organisations": [DIGITAAL],
        "date": datetime.date(2024, 5, 13),
        "summary": "In twintig minuten zicht op de digitale volwassenheid van je organisatie: "
                   "van wachtwoordbeleid tot datagebruik en afhankelijkheid van grote "
                   "techbedrijven.",
        "body": [
            "De scan stelt dertig vragen in vijf blokken: strategie, mensen, data, "
            "beveiliging en autonomie. Je krijgt per blok een score en drie concrete "
            "vervolgstappen.",
            "Directies gebruiken de uitkomst als startpunt voor de leiderschapsdialoog over "
            "digitaal beleid; medewerkers als checklist in de AI-werkgroep.",
        ],
        "pdf": "Digital Maturity Quick Scan – vragenlijst",
        "related": ["ai-werkgroep-richtlijnen", "cyberveiligheid-basismaatregelen"],
    },
    {
        "slug": "ai-werkgroep-richtlijnen",
        "title": "Verantwoord AI-gebruik: richtlijnen van de AI-werkgroep",
        "kind": Kind.PUBLICATION, "language": "nl", "lines": [DR], "track": "practitioner",
        "themes": ["Kunstmatige intelligentie", "Digitale autonomie", "Integriteit"],
        "sdgs": [9, 16], "organisations": [DIGITAAL, KINDERKANSEN, GEZOND],
        "date": datetime.date(2026, 2, 10),
        "summary": "Tien afspraken voor ethisch en verantwoord gebruik van generatieve AI in "
                   "ontwikkelingsorganisaties, opgesteld door de AI-werkgroep van de leden.",
        "body": [
            "De richtlijnen gaan over privacy van partners en deelnemers, over beelden en "
            "verhalen die AI genereert, en over transparantie naar donoren en publiek.",
            "Elke afspraak heeft een voorbeeld uit de praktijk van een lid en een vraag "
            "om in het eigen team te bespreken.",
        ],
        "pdf": "Richtlijnen verantwoord AI-gebruik",
    },
    {
        "slug": "cyberveiligheid-basismaatregelen",
        "title": "Cyberveiligheid voor kleine ngo's: tien basismaatregelen",
        "kind": Kind.PUBLICATION, "language": "nl", "lines": [DR], "track": "practitioner",
        "themes": ["Cyberveiligheid"],
        "sdgs": [9], "organisations": [DIGITAAL, WATERBRON],
        "date": datetime.date(2025, 4, 2),
        "summary": "Een praktische lijst voor organisaties zonder eigen IT-afdeling: "
                   "tweestapsverificatie, back-ups, updates, phishing herkennen en wat te doen "
                   "bij een incident.",
        "body": [
            "De maatregelen zijn gerangschikt van eenvoudig naar ingrijpend. De eerste vijf "
            "kosten geen geld, alleen aandacht.",
        ],
        "pdf": "Tien basismaatregelen cyberveiligheid",
    },
    {
        "slug": "digitale-autonomie-beleidskader",
        "title": "Digitale autonomie: een beleidskader voor directies",
        "kind": Kind.POSITION_PAPER, "language": "nl", "lines": [DR], "track": "leadership",
        "themes": ["Digitale autonomie", "Kunstmatige intelligentie", "Cyberveiligheid"],
        "sdgs": [9, 16], "organisations": [DIGITAAL],
        "date": datetime.date(2026, 3, 5),
        "summary": "Waarom minder afhankelijkheid van Big Tech een bestuurlijke keuze is, en "
                   "welke besluiten een directie daarvoor moet nemen.",
        "body": [
            "Het kader onderscheidt drie niveaus: wat je morgen kunt regelen (accounts, "
            "opslag), wat een begrotingscyclus vraagt (software, contracten) en wat een "
            "strategische keuze is (samenwerking met andere ngo's in gedeelde voorzieningen).",
            "Het stuk is geschreven als voorbereiding op de leiderschapsdialoog over digitaal "
            "beleid voor AI-gebruik en cyberveiligheid.",
        ],
        "pdf": "Beleidskader digitale autonomie",
    },
    {
        "slug": "webinar-ai-in-de-praktijk",
        "title": "Webinar: AI in de praktijk van ontwikkelingsorganisaties",
        "kind": Kind.VIDEO, "language": "nl", "lines": [DR], "track": "practitioner",
        "themes": ["Kunstmatige intelligentie"],
        "sdgs": [9], "organisations": [DIGITAAL, KINDERKANSEN],
        "date": datetime.date(2025, 10, 8),
        "summary": "Opname van het webinar waarin drie leden laten zien hoe zij AI gebruiken "
                   "voor vertaling, monitoring en fondsenwerving, en waar zij de grens trekken.",
        "body": ["De opname duurt 58 minuten en is ondertiteld in het Nederlands."],
        "links": [("Bekijk de opname (PeerTube)", "https://video.example.org/w/ai-praktijk")],
    },
    {
        "slug": "data-en-digitalisering-community",
        "title": "Verslag: een jaar community of practice data en digitalisering",
        "kind": Kind.REPORT, "language": "nl", "lines": [DR], "track": "practitioner",
        "themes": ["Digitale autonomie"],
        "sdgs": [17], "organisations": [DIGITAAL, OOGST],
        "date": datetime.date(2025, 12, 15),
        "summary": "Wat de community of practice over data en digitalisering in een jaar "
                   "deed, leerde en wil doen: zes bijeenkomsten, twee gedeelde tools en een "
                   "gezamenlijke inkoop.",
        "body": [
            "Deelnemers noemen het uitwisselen van concrete configuraties en contracten het "
            "meest waardevol.",
        ],
        "pdf": "Jaarverslag community data en digitalisering",
    },
    {
        "slug": "inclusieve-communicatie-handboek",
        "title": "Handboek inclusieve communicatie",
        "kind": Kind.PUBLICATION, "language": "nl", "lines": [EP], "track": "practitioner",
        "themes": ["Inclusieve communicatie", "Dekolonisatie"],
        "sdgs": [5, 10], "organisations": [VROUWEN, KINDERKANSEN],
        "date": datetime.date(2023, 6, 20),
        "summary": "Hoe schrijf en vertel je over mensen in andere landen zonder stereotypen? "
                   "Het handboek geeft principes, voorbeelden en woordenlijsten.",
        "body": [
            "Het handboek behandelt beeldgebruik, het vertellen van verhalen met in plaats "
            "van over mensen, toegankelijk schrijven en woordkeuze.",
            "Bij het handboek horen twee woordenlijsten: een Nederlandse en een Engelse, met "
            "woorden die je beter kunt vermijden en wat je in plaats daarvan kunt zeggen.",
        ],
        "pdf": "Handboek inclusieve communicatie",
        "extra_pdfs": ["Woordenlijst inclusieve communicatie (Nederlands)",
                       "Word list inclusive communication (English)"],
        "related": ["woordenlijst-inclusief-taalgebruik"],
    },
    {
        "slug": "woordenlijst-inclusief-taalgebruik",
        "title": "Woordenlijst inclusief taalgebruik",
        "kind": Kind.TOOL, "language": "nl", "lines": [EP], "track": "practitioner",
        "themes": ["Inclusieve communicatie"],
        "sdgs": [10], "organisations": [VROUWEN],
        "date": datetime.date(2024, 1, 30),
        "summary": "Een alfabetische lijst van ruim tweehonderd woorden en uitdrukkingen, met "
                   "uitleg waarom ze kunnen kwetsen en welke alternatieven er zijn.",
        "body": ["De lijst wordt elk jaar bijgewerkt met suggesties van leden."],
        "pdf": "Woordenlijst inclusief taalgebruik 2024",
        "related": ["inclusieve-communicatie-handboek"],
    },
    {
        "slug": "inclusive-communication-word-list",
        "title": "Inclusive communication: word list",
        "kind": Kind.TOOL, "language": "en", "lines": [EP], "track": "practitioner",
        "themes": ["Inclusieve communicatie"],
        "sdgs": [10], "organisations": [VROUWEN],
        "date": datetime.date(2024, 2, 14),
        "summary": "The English companion to the Dutch word list: terms to avoid in "
                   "communication about international cooperation, and better alternatives.",
        "body": ["Compiled with communication officers of member organisations and partners."],
        "pdf": "Inclusive communication word list 2024",
    },
    {
        "slug": "future-brief-dekoloniseren-van-hulp",
        "title": "Future brief: dekoloniseren van hulp",
        "kind": Kind.PUBLICATION, "language": "nl", "lines": [EP, FR], "track": "leadership",
        "themes": ["Dekolonisatie", "Machtsverhoudingen", "Lokaal geleide samenwerking"],
        "sdgs": [10, 17], "organisations": [AARDE, LOKAAL],
        "date": datetime.date(2023, 10, 3),
        "summary": "Een korte verkenning van wat dekolonisatie betekent voor de manier waarop "
                   "Nederlandse ngo's geld verdelen, beslissen en verantwoorden.",
        "body": [
            "De brief schetst drie scenario's voor 2035 en vraagt directies welke keuzes nu "
            "nodig zijn om niet door de werkelijkheid te worden ingehaald.",
        ],
        "pdf": "Future brief – dekoloniseren van hulp",
        "related": ["future-brief-decolonising-aid-en", "dekoloniseren-van-binnenuit"],
    },
    {
        "slug": "future-brief-decolonising-aid-en",
        "title": "Future brief: decolonising aid",
        "kind": Kind.PUBLICATION, "language": "en", "lines": [EP, FR], "track": "leadership",
        "themes": ["Dekolonisatie", "Machtsverhoudingen"],
        "sdgs": [10, 17], "organisations": [AARDE, LOKAAL],
        "date": datetime.date(2023, 10, 3),
        "summary": "The English edition of the future brief on decolonising aid, for "
                   "international partners and the English-speaking director peer group.",
        "body": ["Three scenarios for 2035 and the choices they ask of leaders today."],
        "pdf": "Future brief – decolonising aid",
    },
    {
        "slug": "future-brief-krimpende-ruimte",
        "title": "Future brief: krimpende maatschappelijke ruimte",
        "kind": Kind.PUBLICATION, "language": "nl", "lines": [FR], "track": "both",
        "themes": ["Maatschappelijke ruimte", "Nieuwe coalities"],
        "sdgs": [16], "organisations": [OPEN_RUIMTE, VREDE],
        "date": datetime.date(2024, 4, 22),
        "summary": "Wat betekent het voor partners en voor ngo's zelf dat de ruimte voor het "
                   "maatschappelijk middenveld wereldwijd en in Europa kleiner wordt?",
        "body": [
            "De brief verzamelt signalen uit twaalf landen en zet vier strategieën op een "
            "rij: beschermen, verbinden, verplaatsen en pleiten.",
        ],
        "pdf": "Future brief – krimpende maatschappelijke ruimte",
    },
    {
        "slug": "dekoloniseren-van-binnenuit",
        "title": "Dekoloniseren van binnenuit: verslag van de netwerksessies",
        "kind": Kind.REPORT, "language": "nl", "lines": [EP], "track": "practitioner",
        "themes": ["Dekolonisatie", "Gender"],
        "sdgs": [5, 10], "organisations": [VROUWEN, AARDE],
        "date": datetime.date(2025, 6, 18),
        "summary": "Wat leden leerden in vier netwerksessies over dekolonisatie binnen de "
                   "eigen organisatie: werving, taal, besluitvorming en wie er aan tafel zit.",
        "body": [
            "De sessies werden geleid door leden en gingen uit van eigen ervaringen, niet van "
            "theorie. Het verslag bevat de vragen waarmee de groepen werkten.",
        ],
        "pdf": "Verslag netwerksessies Dekoloniseren van binnenuit",
    },
    {
        "slug": "shift-the-power-sessie-verslag",
        "title": "Shift the Power: verslag van de netwerksessie",
        "kind": Kind.REPORT, "language": "nl", "lines": [EP], "track": "practitioner",
        "themes": ["Machtsverhoudingen", "Lokaal geleide samenwerking"],
        "sdgs": [17], "organisations": [LOKAAL],
        "other_authors": "Zusterfederatie voor ontwikkelingssamenwerking",
        "date": datetime.date(2026, 1, 28),
        "summary": "Verslag van de netwerksessie over de Power Awareness Tool die de "
                   "vereniging samen met een andere ngo-federatie organiseerde.",
        "body": ["Dertig deelnemers oefenden in tweetallen met de stellingen van de tool."],
    },
    {
        "slug": "position-paper-eerlijke-partnerschappen",
        "title": "Position paper: eerlijke partnerschappen als norm",
        "kind": Kind.POSITION_PAPER, "language": "nl", "lines": [EP], "track": "leadership",
        "themes": ["Lokaal geleide samenwerking", "Machtsverhoudingen", "Politiek en beleid"],
        "sdgs": [17], "organisations": [LOKAAL, AARDE, WATERBRON],
        "date": datetime.date(2025, 3, 11),
        "summary": "De leden vragen het ministerie om eerlijke partnerschappen de norm te "
                   "maken in subsidiekaders: meer directe financiering, meer zeggenschap, "
                   "minder rapportagelast.",
        "body": [
            "Het paper doet vijf voorstellen, elk met een voorbeeld van een lid dat het al zo "
            "doet, en met wat het kost of oplevert.",
        ],
        "pdf": "Position paper eerlijke partnerschappen",
    },
    {
        "slug": "position-paper-begroting-ontwikkelingshulp",
        "title": "Position paper: de begroting voor internationale samenwerking",
        "kind": Kind.POSITION_PAPER, "language": "nl", "lines": [FR], "track": "leadership",
        "themes": ["Politiek en beleid", "Nieuwe coalities"],
        "sdgs": [1, 17], "organisations": [],
        "other_authors": "Bureau van de vereniging",
        "date": datetime.date(2025, 9, 16),
        "summary": "De inbreng van de vereniging bij de begrotingsbehandeling: waarom "
                   "bezuinigen op internationale samenwerking ook Nederland raakt.",
        "body": [
            "Het paper zet de cijfers van de afgelopen tien jaar op een rij en laat zien wat "
            "de voorgenomen bezuinigingen betekenen voor programma's van leden.",
        ],
        "pdf": "Position paper begroting internationale samenwerking",
    },
    {
        "slug": "position-paper-klimaatrechtvaardigheid",
        "title": "Position paper: klimaatrechtvaardigheid in het buitenlandbeleid",
        "kind": Kind.POSITION_PAPER, "language": "nl", "lines": [FR], "track": "leadership",
        "themes": ["Klimaat", "Politiek en beleid"],
        "sdgs": [13, 16], "organisations": [AARDE, OOGST],
        "date": datetime.date(2024, 11, 4),
        "summary": "Klimaatfinanciering moet bij de meest getroffen gemeenschappen "
                   "terechtkomen. De leden stellen drie toetsvragen voor elk klimaatprogramma.",
        "body": ["Geschreven door de lobbygroep met bijdragen van vijf leden."],
        "pdf": "Position paper klimaatrechtvaardigheid",
    },
    {
        "slug": "theory-of-change-vereniging",
        "title": "Theory of change van de vereniging",
        "kind": Kind.PUBLICATION, "language": "nl", "lines": [], "track": "",
        "themes": ["Kwaliteit", "Nieuwe coalities"],
        "sdgs": [17], "organisations": [],
        "other_authors": "Bureau van de vereniging",
        "date": datetime.date(2024, 2, 1),
        "summary": "Hoe de vereniging als verbinder, facilitator en pleitbezorger bijdraagt "
                   "aan sterke leden en een sterke sector, en welke aannames daaronder liggen.",
        "body": [
            "De theory of change is opgesteld met leden in drie werksessies en wordt elke "
            "twee jaar herzien.",
        ],
        "pdf": "Theory of change",
    },
    {
        "slug": "theory-of-change-in-english",
        "title": "Our theory of change",
        "kind": Kind.PUBLICATION, "language": "en", "lines": [], "track": "",
        "themes": ["Kwaliteit"],
        "sdgs": [17], "organisations": [],
        "other_authors": "Association office",
        "date": datetime.date(2024, 2, 1),
        "summary": "How the association connects, facilitates and advocates for its members, "
                   "and the assumptions behind it.",
        "body": ["An English summary of the association's theory of change."],
    },
    {
        "slug": "kenniskaart-strategische-partnerschappen",
        "title": "Kenniskaart: 75 kennisproducten uit de strategische partnerschappen",
        "kind": Kind.REPORT, "language": "nl", "lines": [EP, FR], "track": "both",
        "themes": ["Nieuwe coalities", "Lokaal geleide samenwerking"],
        "sdgs": [17], "organisations": [VREDE, WATERBRON],
        "date": datetime.date(2022, 12, 12),
        "summary": "Een overzicht van ongeveer 75 kennisproducten uit de strategische "
                   "partnerschappen van eerdere programma's, geordend naar thema en soort.",
        "body": [
            "De kenniskaart laat in één oogopslag zien waar veel kennis is opgebouwd en waar "
            "nog witte vlekken zitten. De online kenniskaart van deze kennisbank is erop "
            "gebaseerd.",
        ],
        "pdf": "Kenniskaart strategische partnerschappen",
    },
    {
        "slug": "nieuwe-coalities-traject",
        "title": "Nieuwe coalities voor internationale samenwerking: tussenrapport",
        "kind": Kind.REPORT, "language": "nl", "lines": [FR], "track": "practitioner",
        "themes": ["Nieuwe coalities"],
        "sdgs": [17], "organisations": [OOGST, GEZOND, VREDE],
        "date": datetime.date(2026, 4, 9),
        "summary": "Halverwege het traject over nieuwe coalities: met welke partners buiten "
                   "de sector (bedrijven, gemeenten, diaspora) werken leden al samen, en wat "
                   "werkt?",
        "body": ["Het rapport beschrijft acht coalities en de lessen die ze gemeen hebben."],
        "pdf": "Tussenrapport nieuwe coalities",
    },
    {
        "slug": "toekomstbestendig-leiderschap-dialoog",
        "title": "Toekomstbestendig leiderschap: opbrengst van de leiderschapsdialoog",
        "kind": Kind.REPORT, "language": "nl", "lines": [FR], "track": "leadership",
        "themes": ["Nieuwe coalities", "Maatschappelijke ruimte"],
        "sdgs": [16, 17], "organisations": [GEZOND, KINDERKANSEN],
        "date": datetime.date(2026, 5, 20),
        "summary": "Wat directeuren meenamen uit de dialoog over organisatieverandering: "
                   "kleinere kernteams, gedeelde diensten en een andere rol tegenover partners.",
        "body": ["Vertrouwelijke uitspraken zijn geanonimiseerd."],
        "members_only": True,
    },
    {
        "slug": "webinar-maatschappelijke-ruimte",
        "title": "Webinar: civic space under pressure",
        "kind": Kind.VIDEO, "language": "en", "lines": [FR], "track": "practitioner",
        "themes": ["Maatschappelijke ruimte"],
        "sdgs": [16], "organisations": [OPEN_RUIMTE],
        "other_authors": "Partners from Kenya and Colombia",
        "date": datetime.date(2025, 5, 27),
        "summary": "Recording of the webinar in which partners from Kenya and Colombia "
                   "described how restrictions on civil society affect their work.",
        "body": ["The recording has English subtitles."],
        "links": [("Watch the recording", "https://video.example.org/w/civic-space")],
    },
    {
        "slug": "integriteitsprotocol-sector",
        "title": "Integriteitsprotocol voor de sector",
        "kind": Kind.PUBLICATION, "language": "nl", "lines": [], "track": "",
        "themes": ["Integriteit"],
        "sdgs": [16], "organisations": [],
        "other_authors": "Werkgroep integriteit",
        "date": datetime.date(2024, 9, 10),
        "summary": "Het gezamenlijke protocol voor melden, onderzoeken en ondersteunen bij "
                   "integriteitsschendingen, met de afspraken die alle leden onderschrijven.",
        "body": [
            "Het protocol wordt elk jaar besproken op de integriteitsbijeenkomst.",
        ],
        "pdf": "Integriteitsprotocol",
    },
    {
        "slug": "zelfevaluatie-kwaliteitsnorm",
        "title": "Zelfevaluatieformulier kwaliteitsnorm",
        "kind": Kind.TOOL, "language": "nl", "lines": [], "track": "",
        "themes": ["Kwaliteit"],
        "sdgs": [], "organisations": [],
        "other_authors": "Werkgroep kwaliteit",
        "date": datetime.date(2025, 1, 15),
        "summary": "Het formulier waarmee leden zichzelf toetsen aan de kwaliteitsnorm van de "
                   "sector, die is gebaseerd op ISO 9001.",
        "body": ["Vul het formulier in voorafgaand aan de externe audit."],
        "pdf": "Zelfevaluatieformulier kwaliteitsnorm",
        "members_only": True,
    },
    {
        "slug": "gedragscode-herziening-concept",
        "title": "Gedragscode: concept voor de herziening",
        "kind": Kind.OTHER, "language": "nl", "lines": [], "track": "",
        "themes": ["Integriteit", "Kwaliteit"],
        "sdgs": [16], "organisations": [],
        "other_authors": "Werkgroep kwaliteit",
        "date": datetime.date(2026, 6, 1),
        "summary": "Het concept van de herziene gedragscode, ter bespreking in de "
                   "voorjaars-ALV. Reacties van leden zijn welkom tot de vergadering.",
        "body": ["De wijzigingen ten opzichte van de huidige code zijn gemarkeerd."],
        "pdf": "Concept gedragscode",
        "members_only": True,
    },
    {
        "slug": "wereldburgerschap-lesmateriaal",
        "title": "Lesmateriaal wereldburgerschap",
        "kind": Kind.OTHER, "language": "nl", "lines": [FR], "track": "practitioner",
        "themes": ["Nieuwe coalities", "Inclusieve communicatie"],
        "sdgs": [4], "organisations": [KINDERKANSEN],
        "date": datetime.date(2025, 8, 25),
        "summary": "Lessen voor het voortgezet onderwijs over wereldburgerschap, gemaakt voor "
                   "het jaarlijkse wereldburgerschapsevent.",
        "body": ["Vier lessen van vijftig minuten, met docentenhandleiding."],
        "pdf": "Lesmateriaal wereldburgerschap",
    },
    {
        "slug": "genderanalyse-in-programmas",
        "title": "Genderanalyse in programma's: een werkwijze",
        "kind": Kind.TOOL, "language": "nl", "lines": [EP], "track": "practitioner",
        "themes": ["Gender", "Lokaal geleide samenwerking"],
        "sdgs": [5], "organisations": [VROUWEN, GEZOND],
        "date": datetime.date(2024, 10, 7),
        "summary": "Een stappenplan om samen met partners een genderanalyse te maken aan het "
                   "begin van een programma.",
        "body": ["Met werkbladen en een voorbeeld uit een gezondheidsprogramma."],
        "pdf": "Werkwijze genderanalyse",
    },
    {
        "slug": "water-en-klimaat-lessen",
        "title": "Water en klimaat: lessen uit tien jaar programma's",
        "kind": Kind.REPORT, "language": "nl", "lines": [], "track": "",
        "themes": ["Klimaat"],
        "sdgs": [6, 13], "organisations": [WATERBRON, OOGST],
        "date": datetime.date(2023, 3, 22),
        "summary": "Wat waterprogramma's in Oost-Afrika leerden over aanpassing aan "
                   "klimaatverandering, op Wereldwaterdag gepubliceerd.",
        "body": ["Het rapport bundelt evaluaties van zeven programma's."],
        "pdf": "Water en klimaat – lessen",
    },
]

# Weekly political monitor editions (members only, always): date, subject, summary and
# the edition's own text (what happened, and what it means for members).
MONITOR_WEEKS = [
    (datetime.date(2026, 5, 8), "Voorjaarsnota en de begroting voor internationale "
                                "samenwerking",
     "De voorjaarsnota bevestigt de bezuiniging. Kamerleden stelden vragen over de gevolgen "
     "voor maatschappelijke organisaties.",
     ["Het kabinet houdt vast aan de verlaging van het budget voor ontwikkelingssamenwerking "
      "vanaf 2027. Nieuw is dat ook de subsidiekaders voor maatschappelijke organisaties "
      "korter lopen dan gepland.",
      "De lobbygroep zoekt contact met de woordvoerders die vragen stelden. Leden die "
      "voorbeelden hebben van programma's die stoppen, kunnen die vóór 20 mei delen."]),
    (datetime.date(2026, 5, 15), "Commissiedebat handel en ontwikkeling",
     "In het commissiedebat ging het over eerlijke handel, maatschappelijk verantwoord "
     "ondernemen en de positie van lokale partners.",
     ["Drie fracties vroegen om een wettelijke zorgplicht voor bedrijven in internationale "
      "ketens. De minister wacht de Europese richtlijn af voordat zij met eigen wetgeving komt.",
      "Voor leden die met producentenorganisaties werken is vooral de toezegging van belang "
      "dat lokale partners meepraten over de invulling van het handelsbeleid."]),
    (datetime.date(2026, 5, 22), "Moties over lokaal geleide samenwerking",
     "Twee moties vragen de minister om meer directe financiering van lokale organisaties. "
     "De lobbygroep bereidde een reactie voor.",
     ["De eerste motie vraagt om een streefcijfer voor het deel van het budget dat rechtstreeks "
      "naar lokale organisaties gaat; de tweede om minder rapportage-eisen voor kleine "
      "partners. Beide worden op 2 juni in stemming gebracht.",
      "De reactie van de lobbygroep sluit aan bij het position paper over eerlijke "
      "partnerschappen en noemt drie leden die al zo werken."]),
    (datetime.date(2026, 5, 29), "Europese ontwikkelingsfinanciering",
     "Het Europees Parlement bespreekt het volgende meerjarig financieel kader. Wat betekent "
     "dat voor Nederlandse ngo's?",
     ["In het voorstel van de Commissie gaan de fondsen voor externe samenwerking op in één "
      "groot instrument, met meer nadruk op migratie en handelsbelangen.",
      "De EU-groep van de vereniging bereidt met Europese koepels een gezamenlijke inbreng "
      "voor. Wie ervaring heeft met EU-subsidies, kan aansluiten bij de EU-groep op 9 juni."]),
    (datetime.date(2026, 6, 5), "Krimpende ruimte: nieuwe wetgeving in partnerlanden",
     "Kamervragen over wetgeving die buitenlandse financiering van organisaties beperkt, en "
     "het antwoord van de minister.",
     ["De minister erkent dat wetten tegen buitenlandse financiering in minstens vijf "
      "partnerlanden het werk van lokale organisaties bemoeilijken, maar ziet geen ruimte "
      "voor een apart noodfonds.",
      "In de netwerksessie over krimpende maatschappelijke ruimte van 2 juli bespreken leden "
      "hoe ze partners ondanks die wetten kunnen blijven steunen."]),
    (datetime.date(2026, 6, 12), "Digitale autonomie op de politieke agenda",
     "De Kamer debatteerde over de afhankelijkheid van de overheid van grote techbedrijven. "
     "Relevant voor de leerlijn Digital Readiness.",
     ["Een Kamermeerderheid wil dat de rijksoverheid een plan maakt om minder afhankelijk te "
      "worden van Amerikaanse clouddiensten. Subsidievoorwaarden voor ngo's kwamen in het "
      "debat niet aan de orde.",
      "De leiderschapsdialoog over digitale autonomie kan dit debat gebruiken: wat de overheid "
      "voor zichzelf wil, kunnen leden ook in hun eigen ICT-beleid opnemen."]),
]

# Items that also get an English translation (title, summary, body paragraphs) in the
# English tree.
TRANSLATIONS = {
    "power-awareness-tool": (
        "Power Awareness Tool",
        "A conversation tool with which an organisation and its partners map where power "
        "lies in their cooperation: in money, knowledge, agenda-setting and visibility.",
        ["Each partner answers the statements on its own first; the conversation starts where "
         "the answers differ. Those differences show what daily work leaves unsaid.",
         "Plan half a day, at the start of a partnership or halfway through a programme. The "
         "manual in the attachment has the statements in English and French."],
    ),
    "digital-maturity-quick-scan": (
        "Digital Maturity Quick Scan",
        "Twenty minutes to see how digitally mature your organisation is, from password "
        "policy to data use and dependence on big tech companies.",
        ["Thirty questions in five blocks (strategy, people, data, security and autonomy) give "
         "a score per block and three next steps you can take this year.",
         "Members have used the scan since 2024; the association combines the anonymised "
         "results into a picture of digital maturity across the sector."],
    ),
    "inclusieve-communicatie-handboek": (
        "Inclusive communication handbook",
        "How to write and speak about people in other countries without stereotypes: "
        "principles, examples and word lists.",
        ["The handbook starts from one question: would the people in your photo or story "
         "recognise themselves in it? Each chapter pairs a principle with before-and-after "
         "examples from members' campaigns.",
         "It comes with a Dutch and an English word list, each suggesting what to say instead "
         "of terms that are better avoided."],
    ),
}


def minimal_pdf(title, lines):
    """A small, valid one-page PDF (Helvetica, WinAnsi text) made without any library."""

    def escape(text):
        data = text.encode("cp1252", errors="replace")
        return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    stream = [b"BT", b"/F1 18 Tf", b"72 770 Td", b"(" + escape(title) + b") Tj",
              b"/F1 11 Tf", b"0 -28 Td"]
    for line in lines:
        stream.append(b"(" + escape(line) + b") Tj")
        stream.append(b"0 -16 Td")
    stream.append(b"ET")
    content = b"\n".join(stream)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + escape(title) + b") /Producer (Ledenportaal demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref_at}\n%%EOF\n").encode()
    return bytes(out)


def _wrap(text, width=85):
    words, lines, current = text.split(), [], ""
    for word in words:
        if len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


def ensure_document(title, summary):
    """A demo PDF document with this title (created once)."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    data = minimal_pdf(title, _wrap(summary) + ["", "Demo-document van het ledenportaal."])
    name = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
    document = Document(title=title, collection=Collection.get_first_root_node())
    document.file.save(f"kennisbank-{name}.pdf", ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return document


def _ensure_item(index, spec, context):
    item = KnowledgeItemPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if item is not None:
        return item, False
    lines = context.get("learning_lines", {})
    organisations = context.get("organisations", {})
    item = KnowledgeItemPage(
        title=spec["title"], slug=spec["slug"], kind=spec["kind"], summary=spec["summary"],
        language=spec["language"], track=spec.get("track", ""),
        other_authors=spec.get("other_authors", ""), publication_date=spec["date"],
        members_only=spec.get("members_only", False), locale=index.locale,
    )
    item.body = paragraph_blocks(spec.get("body", []))
    item.external_links = [("link", {"title": title, "url": url, "description": ""})
                           for title, url in spec.get("links", [])]
    item.learning_lines = [lines[slug] for slug in spec.get("lines", []) if slug in lines]
    item.authoring_organisations = [organisations[name] for name in spec.get("organisations", [])
                                    if name in organisations]
    item.sdgs = list(SustainableDevelopmentGoal.objects.filter(number__in=spec.get("sdgs", [])))
    pdf_titles = ([spec["pdf"]] if spec.get("pdf") else []) + spec.get("extra_pdfs", [])
    item.attachments = [
        KnowledgeItemDocument(document=ensure_document(title, spec["summary"]), sort_order=n)
        for n, title in enumerate(pdf_titles)
    ]
    item.themes.set(list(ThemeTag.objects.filter(name__in=spec.get("themes", []))))
    index.add_child(instance=item)
    publish_page(item)
    return item, True


def _monitor_specs():
    specs = []
    for date, subject, summary, body in MONITOR_WEEKS:
        week = date.isocalendar().week
        specs.append({
            "slug": f"politieke-monitor-{date.year}-week-{week:02d}",
            "title": f"Politieke monitor week {week}: {subject}",
            "kind": Kind.POLITICAL_MONITOR, "language": "nl", "lines": [FR],
            "track": "leadership", "themes": ["Politiek en beleid"], "sdgs": [17],
            "organisations": [], "other_authors": "Lobbygroep van de vereniging",
            "date": date, "summary": summary, "body": body,
            "pdf": f"Politieke monitor {date.year} week {week:02d}",
            "members_only": True,
        })
    return specs


def load(context):
    index = context["sections"]["kennisbank"]
    items = {}
    created = []
    for spec in ITEMS + _monitor_specs():
        item, is_new = _ensure_item(index, spec, context)
        items[spec["slug"]] = item
        if is_new:
            created.append((item, spec))

    # Related items can only be set once every item exists.
    from knowledge.models import KnowledgeItemRelation

    for item, spec in created:
        related = [items[slug] for slug in spec.get("related", []) if slug in items]
        if related:
            item.related_item_links = [KnowledgeItemRelation(item=other, sort_order=n)
                                       for n, other in enumerate(related)]
            publish_page(item)

    en = context["home_en"].locale
    for slug, (title, summary, body) in {**TRANSLATIONS, **MORE_TRANSLATIONS}.items():
        item = items[slug]
        texts = texts_for(item, {"title": title, "summary": summary, "body": body})
        translate_page(item, en, {**LINK_TITLES_EN, **texts})

    knowledge_map = KnowledgeMapPage.objects.child_of(index).first()
    if knowledge_map is None:
        knowledge_map = KnowledgeMapPage(
            title="Kenniskaart", slug="kenniskaart", locale=index.locale,
            intro="Alle kennisproducten in één oogopslag: per leerlijn of thema en per soort. "
                  "Klik op een getal om de producten te zien.",
        )
        index.add_child(instance=knowledge_map)
        publish_page(knowledge_map)
    ensure_translation(knowledge_map, en, {
        "title": "Knowledge map",
        "intro": "All knowledge products at a glance, by learning line or theme and by kind. "
                 "Select a number to see the products.",
    })
    context["knowledge_items"] = items
