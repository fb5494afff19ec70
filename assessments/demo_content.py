"""The texts of the demo scans (Dutch, with English). Questions are (kind, nl, en,
explanation nl, explanation en); kinds: "scale" (the scan's five steps), "yes_no",
("choice", [(nl, en, points)])."""

MATURITY_STEPS = [
    ("Nog niet", "Not yet"),
    ("Eerste stappen", "First steps"),
    ("Deels geregeld", "Partly in place"),
    ("Grotendeels geregeld", "Largely in place"),
    ("Volledig en geborgd", "Fully in place and embedded"),
]
AGREE_STEPS = [
    ("Helemaal oneens", "Strongly disagree"),
    ("Oneens", "Disagree"),
    ("Neutraal", "Neutral"),
    ("Eens", "Agree"),
    ("Helemaal eens", "Strongly agree"),
]

LEVELS = [
    (1, "Beginnend", "Starting", 0, "Er is weinig geregeld; begin met de basis.",
     "Little is in place; start with the basics."),
    (2, "In ontwikkeling", "Developing", 40, "De basis staat; maak het structureel.",
     "The basics are there; make them structural."),
    (3, "Gevorderd", "Advanced", 60, "Goed op weg; borg en deel wat werkt.",
     "Well on the way; embed and share what works."),
    (4, "Voorloper", "Leading", 80, "Een voorbeeld voor de sector.", "An example for the sector."),
]

QUICK_SCAN = {
    "slug": "digital-maturity-quick-scan", "kind": "quick_scan",
    "title": "Digital Maturity Quick Scan", "title_en": "Digital Maturity Quick Scan",
    "description": "Dertig vragen in vijf blokken: waar staat jullie organisatie digitaal, en "
                   "waar lopen jullie vast? Elke collega vult zelf in; het resultaat "
                   "combineert de antwoorden en vergelijkt met de sector.",
    "description_en": "Thirty questions in five blocks: where does your organisation stand "
                      "digitally, and where do you get stuck? Each colleague answers; the "
                      "result combines the answers and compares them with the sector.",
    "steps": MATURITY_STEPS,
    "dimensions": [
        {"key": "strategie", "title": "Strategie en leiderschap",
         "title_en": "Strategy and leadership", "line": "digital-readiness",
         "knowledge": ["digitale-autonomie-beleidskader"],
         "questions": [
             ("scale", "Digitalisering is een vast onderdeel van ons meerjarenbeleid.",
              "Digitalisation is a fixed part of our multi-year strategy.",
              "Denk aan doelen, budget en verantwoordelijken in het beleidsplan.",
              "Think of goals, budget and owners in the strategic plan."),
             ("scale", "De directie bespreekt digitale kansen en risico's minstens twee keer "
              "per jaar.", "The management discusses digital opportunities and risks at "
              "least twice a year.", "", ""),
             ("scale", "Er is een begroting voor digitale middelen en vaardigheden.",
              "There is a budget for digital tools and skills.", "", ""),
             ("yes_no", "Er is iemand eindverantwoordelijk voor digitalisering.",
              "Someone is ultimately responsible for digitalisation.", "", ""),
             ("scale", "We betrekken partners bij digitale keuzes die hen raken.",
              "We involve partners in digital choices that affect them.", "", ""),
             ("choice", "Hoe vaak evalueren jullie het digitale beleid?",
              "How often do you evaluate your digital policy?",
              [("Nooit", "Never", 0), ("Incidenteel", "Now and then", 1),
               ("Elk jaar", "Every year", 3), ("Elk kwartaal", "Every quarter", 4)]),
         ]},
        {"key": "mensen", "title": "Mensen en vaardigheden", "title_en": "People and skills",
         "line": "digital-readiness", "knowledge": ["webinar-ai-in-de-praktijk"],
         "group": "ai-werkgroep",
         "questions": [
             ("scale", "Medewerkers weten hoe ze onze digitale hulpmiddelen goed gebruiken.",
              "Staff know how to use our digital tools well.", "", ""),
             ("scale", "Nieuwe collega's krijgen een digitale introductie.",
              "New colleagues get a digital induction.", "", ""),
             ("scale", "Er is tijd en geld voor digitale scholing.",
              "There is time and money for digital training.", "", ""),
             ("scale", "Collega's delen digitale kennis met elkaar.",
              "Colleagues share digital know-how with each other.", "", ""),
             ("yes_no", "Er zijn afspraken over het gebruik van generatieve AI.",
              "There are agreements on the use of generative AI.",
              "Bijvoorbeeld welke gegevens je wel en niet in een AI-dienst invoert.",
              "For instance which data you may or may not enter into an AI service."),
             ("scale", "Medewerkers voelen zich zeker bij nieuwe digitale werkwijzen.",
              "Staff feel confident with new digital ways of working.", "", ""),
         ]},
        {"key": "data", "title": "Data", "title_en": "Data", "line": "digital-readiness",
         "knowledge": ["data-en-digitalisering-community"],
         "questions": [
             ("scale", "We weten welke gegevens we verzamelen en waarom.",
              "We know which data we collect and why.", "", ""),
             ("scale", "Monitoringsgegevens van programma's staan op één vindbare plek.",
              "Programme monitoring data is kept in one findable place.", "", ""),
             ("scale", "We gebruiken data bij het nemen van besluiten.",
              "We use data when taking decisions.", "", ""),
             ("yes_no", "Er is een actueel verwerkingsregister (AVG).",
              "There is an up-to-date record of processing activities (GDPR).", "", ""),
             ("scale", "Partners hebben toegang tot de gegevens die over hen gaan.",
              "Partners have access to the data about them.", "", ""),
             ("scale", "We delen open data waar dat veilig kan.",
              "We share open data where that is safe.", "", ""),
         ]},
        {"key": "middelen", "title": "Middelen en infrastructuur",
         "title_en": "Tools and infrastructure", "line": "digital-readiness",
         "knowledge": ["digitale-autonomie-beleidskader"],
         "questions": [
             ("scale", "Onze systemen ondersteunen het werk zonder veel handwerk.",
              "Our systems support the work without much manual effort.", "", ""),
             ("scale", "Apparatuur en software worden tijdig vervangen en bijgewerkt.",
              "Hardware and software are replaced and updated in time.", "", ""),
             ("scale", "Samenwerken op afstand met partners gaat soepel.",
              "Working remotely with partners goes smoothly.", "", ""),
             ("choice", "Waar staan jullie belangrijkste bestanden?",
              "Where are your most important files?",
              [("Op losse computers", "On individual computers", 0),
               ("Op een eigen server", "On our own server", 2),
               ("Bij een clouddienst", "With a cloud service", 3),
               ("Bij een Europese of open-source dienst", "With a European or open-source "
                "service", 4)]),
             ("scale", "We kennen de kosten van onze digitale middelen.",
              "We know the costs of our digital tools.", "", ""),
             ("yes_no", "Er is ondersteuning als systemen niet werken.",
              "There is support when systems fail.", "", ""),
         ]},
        {"key": "veiligheid", "title": "Veiligheid en digitale autonomie",
         "title_en": "Security and digital autonomy", "line": "digital-readiness",
         "knowledge": ["cyberveiligheid-basismaatregelen", "digitale-autonomie-beleidskader"],
         "questions": [
             ("yes_no", "Iedereen gebruikt tweestapsverificatie voor werkaccounts.",
              "Everyone uses two-factor authentication for work accounts.", "", ""),
             ("scale", "Back-ups worden gemaakt én regelmatig teruggezet om te testen.",
              "Backups are made and regularly restored as a test.", "", ""),
             ("scale", "Medewerkers herkennen phishing.", "Staff recognise phishing.", "", ""),
             ("yes_no", "Er is een plan voor een datalek of hack.",
              "There is a plan for a data breach or hack.", "", ""),
             ("scale", "We weten van welke grote techbedrijven we afhankelijk zijn.",
              "We know which big tech companies we depend on.", "", ""),
             ("scale", "We kiezen waar mogelijk voor open en Europese alternatieven.",
              "Where possible we choose open and European alternatives.",
              "Zie het beleidskader digitale autonomie in de kennisbank.",
              "See the digital-autonomy policy framework in the kennisbank."),
         ]},
    ],
}


def _statements(items):
    return [("scale", nl, en, "", "") for nl, en in items]


POWER_TOOL = {
    "slug": "power-awareness-tool", "kind": "power",
    "title": "Power Awareness Tool 2.0", "title_en": "Power Awareness Tool 2.0",
    "description": "Stellingen over macht in jullie partnerschappen: wie beslist, wie "
                   "beheert het geld, wiens kennis telt?",
    "description_en": "Statements about power in your partnerships: who decides, who "
                      "controls the money, whose knowledge counts?",
    "steps": AGREE_STEPS,
    "dimensions": [
        {"key": "besluitvorming", "title": "Besluitvorming", "title_en": "Decision-making",
         "line": "equitable-partnerships", "knowledge": ["power-awareness-tool-2"],
         "questions": _statements([
             ("Partners beslissen mee over de doelen van het programma.",
              "Partners co-decide on the programme's goals."),
             ("Partners kunnen een voorstel van ons afwijzen zonder gevolgen.",
              "Partners can turn down a proposal of ours without consequences."),
             ("Besluiten worden genomen waar het werk gebeurt.",
              "Decisions are taken where the work happens.")])},
        {"key": "geld", "title": "Geld en middelen", "title_en": "Money and resources",
         "line": "equitable-partnerships", "knowledge": ["power-awareness-tool"],
         "questions": _statements([
             ("Partners beheren zelf een deel van het budget.",
              "Partners manage part of the budget themselves."),
             ("Overheadkosten van partners worden volledig vergoed.",
              "Partners' overhead costs are fully covered."),
             ("Rapportage-eisen zijn in verhouding tot het budget.",
              "Reporting requirements are proportionate to the budget.")])},
        {"key": "kennis", "title": "Kennis en agenda", "title_en": "Knowledge and agenda",
         "line": "equitable-partnerships", "knowledge": ["dekoloniseren-van-binnenuit"],
         "questions": _statements([
             ("De kennis van partners weegt even zwaar als de onze.",
              "Partners' knowledge counts as much as ours."),
             ("Partners spreken zelf namens hun gemeenschappen.",
              "Partners speak for their communities themselves."),
             ("Onze communicatie toont partners als gelijkwaardig.",
              "Our communication shows partners as equals.")])},
    ],
}

QUALITY = {
    "slug": "zelfevaluatie-kwaliteit", "kind": "quality",
    "title": "Zelfevaluatie kwaliteitsnorm", "title_en": "Quality standard self-evaluation",
    "description": "Loop de hoofdstukken van de sectornorm (gebaseerd op ISO 9001) langs.",
    "description_en": "Go through the chapters of the sector standard (based on ISO 9001).",
    "steps": MATURITY_STEPS,
    "dimensions": [
        {"key": "context", "title": "Context en belanghebbenden",
         "title_en": "Context and stakeholders", "knowledge": ["zelfevaluatie-kwaliteitsnorm"],
         "questions": _statements([
             ("We kennen de verwachtingen van donateurs, partners en doelgroepen.",
              "We know what donors, partners and target groups expect."),
             ("We herzien jaarlijks onze risico's en kansen.",
              "We review our risks and opportunities every year.")])},
        {"key": "leiderschap", "title": "Leiderschap", "title_en": "Leadership",
         "knowledge": ["zelfevaluatie-kwaliteitsnorm"],
         "questions": _statements([
             ("Het bestuur houdt toezicht op kwaliteit.", "The board oversees quality."),
             ("Rollen en verantwoordelijkheden zijn vastgelegd.",
              "Roles and responsibilities are written down.")])},
        {"key": "uitvoering", "title": "Uitvoering en partners",
         "title_en": "Operations and partners", "knowledge": ["zelfevaluatie-kwaliteitsnorm"],
         "questions": _statements([
             ("Programma's volgen een beschreven werkwijze.",
              "Programmes follow a described way of working."),
             ("We beoordelen partners op vooraf bekende criteria.",
              "We assess partners against criteria known in advance.")])},
        {"key": "verbetering", "title": "Evaluatie en verbetering",
         "title_en": "Evaluation and improvement", "knowledge": ["zelfevaluatie-kwaliteitsnorm"],
         "questions": _statements([
             ("Klachten worden geregistreerd en opgevolgd.",
              "Complaints are recorded and followed up."),
             ("Evaluaties leiden aantoonbaar tot verbeteringen.",
              "Evaluations demonstrably lead to improvements.")])},
    ],
}

INTEGRITY = {
    "slug": "zelfevaluatie-integriteit", "kind": "integrity",
    "title": "Zelfevaluatie integriteit", "title_en": "Integrity self-evaluation",
    "description": "Hoe staat het met integriteitsbeleid, melden en cultuur? De benchmark "
                   "komt uit ieders zelfevaluaties.",
    "description_en": "How are integrity policy, reporting and culture doing? The benchmark "
                      "is built from everyone's self-evaluations.",
    "steps": MATURITY_STEPS,
    "dimensions": [
        {"key": "beleid", "title": "Beleid en gedragscode", "title_en": "Policy and code of "
         "conduct", "knowledge": ["integriteitsprotocol-sector", "gedragscode-herziening-concept"],
         "questions": [
             ("yes_no", "Er is een gedragscode die iedereen heeft ondertekend.",
              "There is a code of conduct everyone has signed.", "", ""),
             ("scale", "Het integriteitsbeleid geldt ook voor partners.",
              "The integrity policy also applies to partners.", "", "")]},
        {"key": "melden", "title": "Melden en opvolgen", "title_en": "Reporting and follow-up",
         "knowledge": ["integriteitsprotocol-sector"],
         "questions": [
             ("yes_no", "Er is een vertrouwenspersoon.", "There is a confidential adviser.", "",
              ""),
             ("scale", "Meldingen worden binnen de afgesproken termijn afgehandeld.",
              "Reports are handled within the agreed time.", "", "")]},
        {"key": "cultuur", "title": "Cultuur", "title_en": "Culture",
         "knowledge": ["integriteitsprotocol-sector"],
         "questions": _statements([
             ("Dilemma's worden openlijk besproken.", "Dilemmas are discussed openly."),
             ("Leidinggevenden geven het goede voorbeeld.", "Managers lead by example.")])},
    ],
}

SCANS = [QUICK_SCAN, POWER_TOOL, QUALITY, INTEGRITY]
