"""English texts of demo knowledge items (knowledge/demo.py), made into wagtail-localize
translations of the Dutch items, by slug: (title, summary, body paragraphs in the order of
the Dutch ones). Together with knowledge.demo.TRANSLATIONS more than half of the items."""

MORE_TRANSLATIONS = {
    "power-awareness-tool-2": (
        "Power Awareness Tool 2.0: the online version",
        "The renewed Power Awareness Tool works online: partners answer the statements on "
        "their own phone or laptop and see straight away where their answers differ.",
        ["Version 2.0 builds on more than forty conversations held with the first version. "
         "The statements are shorter, there is an English and a French version, and the "
         "results stay with the participants: nothing is stored centrally.",
         "In the network sessions of the Equitable Partnerships line, members practise "
         "facilitating the conversation."]),
    "ai-werkgroep-richtlijnen": (
        "Responsible use of AI: guidelines of the AI working group",
        "Ten agreements for the ethical and responsible use of generative AI in development "
        "organisations, drawn up by the members' AI working group.",
        ["The guidelines cover the privacy of partners and participants, the images and "
         "stories AI generates, and transparency towards donors and the public.",
         "Every agreement comes with an example from a member's practice and a question to "
         "discuss in your own team."]),
    "cyberveiligheid-basismaatregelen": (
        "Cybersecurity for small NGOs: ten basic measures",
        "A practical list for organisations without their own IT department: two-step "
        "verification, back-ups, updates, recognising phishing and what to do after an "
        "incident.",
        ["The measures run from simple to far-reaching. The first five cost no money, only "
         "attention."]),
    "digitale-autonomie-beleidskader": (
        "Digital autonomy: a policy framework for boards",
        "Why depending less on Big Tech is a governance choice, and which decisions a board "
        "has to take for it.",
        ["The framework distinguishes three levels: what you can arrange tomorrow (accounts, "
         "storage), what takes a budget cycle (software, contracts) and what is a strategic "
         "choice (sharing facilities with other NGOs).",
         "It was written to prepare the leadership dialogue on digital policy for AI use "
         "and cybersecurity."]),
    "webinar-ai-in-de-praktijk": (
        "Webinar: AI in the practice of development organisations",
        "Recording of the webinar in which three members show how they use AI for "
        "translation, monitoring and fundraising, and where they draw the line.",
        ["The recording lasts 58 minutes and has Dutch subtitles."]),
    "data-en-digitalisering-community": (
        "Report: one year of the data and digitalisation community of practice",
        "What the community of practice on data and digitalisation did, learnt and plans in "
        "a year: six meetings, two shared tools and a joint purchase.",
        ["Participants value exchanging concrete configurations and contracts most."]),
    "future-brief-dekoloniseren-van-hulp": (
        "Future brief: decolonising aid",
        "A short exploration of what decolonisation means for the way Dutch NGOs allocate "
        "money, take decisions and account for them.",
        ["The brief sketches three scenarios for 2035 and asks boards which choices they "
         "need to make now so as not to be overtaken by events."]),
    "future-brief-krimpende-ruimte": (
        "Future brief: shrinking civic space",
        "What does it mean for partners and for NGOs themselves that the room for civil "
        "society is getting smaller, worldwide and in Europe?",
        ["The brief gathers signals from twelve countries and sets out four strategies: "
         "protect, connect, relocate and advocate."]),
    "dekoloniseren-van-binnenuit": (
        "Decolonising from within: report of the network sessions",
        "What members learnt in four network sessions on decolonisation inside their own "
        "organisations: recruitment, language, decision-making and who sits at the table.",
        ["Members led the sessions, which started from their own experience rather than "
         "from theory. The report includes the questions the groups worked with."]),
    "shift-the-power-sessie-verslag": (
        "Shift the Power: report of the network session",
        "Report of the network session on the Power Awareness Tool that the association "
        "organised together with another NGO federation.",
        ["Thirty participants practised the tool's statements in pairs."]),
    "position-paper-eerlijke-partnerschappen": (
        "Position paper: fair partnerships as the norm",
        "Members ask the ministry to make fair partnerships the norm in grant frameworks: "
        "more direct funding, more say for partners, less reporting.",
        ["The paper makes five proposals, each with an example of a member already working "
         "that way and with what it costs or yields."]),
    "position-paper-klimaatrechtvaardigheid": (
        "Position paper: climate justice in foreign policy",
        "Climate finance must reach the communities hit hardest. Members propose three test "
        "questions for every climate programme.",
        ["Written by the lobby group with contributions from five members."]),
    "nieuwe-coalities-traject": (
        "New coalitions for international cooperation: interim report",
        "Halfway through the trajectory on new coalitions: which partners outside the "
        "sector (businesses, municipalities, diaspora) do members already work with, and "
        "what works?",
        ["The report describes eight coalitions and the lessons they share."]),
    "toekomstbestendig-leiderschap-dialoog": (
        "Future-ready leadership: outcomes of the leadership dialogue",
        "What directors took away from the dialogue on organisational change: smaller core "
        "teams, shared services and a different role towards partners.",
        ["Confidential remarks have been anonymised."]),
    "integriteitsprotocol-sector": (
        "Integrity protocol for the sector",
        "The joint protocol for reporting, investigating and supporting in cases of "
        "integrity violations, with the agreements all members endorse.",
        ["The protocol is reviewed every year at the integrity meeting."]),
    "genderanalyse-in-programmas": (
        "Gender analysis in programmes: a method",
        "A step-by-step plan for making a gender analysis together with partners at the "
        "start of a programme.",
        ["With worksheets and an example from a health programme."]),
    "water-en-klimaat-lessen": (
        "Water and climate: lessons from ten years of programmes",
        "What water programmes in East Africa learnt about adapting to climate change, "
        "published on World Water Day.",
        ["The report brings together the evaluations of seven programmes."]),
}

# The titles of the items' external links (knowledge.demo.ITEMS "links"), in English.
LINK_TITLES_EN = {
    "Power Awareness Tool 2.0 (online)": "Power Awareness Tool 2.0 (online)",
    "Open de online tool": "Open the online tool",
    "Bekijk de opname (PeerTube)": "Watch the recording (PeerTube)",
}
