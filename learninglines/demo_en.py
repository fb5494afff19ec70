"""English texts of the demo working groups and sessions (learninglines/demo.py): made
into wagtail-localize translations of the Dutch pages, by slug: (title, summary, body
paragraphs in the order of the Dutch ones)."""

WORKING_GROUPS_EN = {
    "ai-werkgroep": (
        "AI working group",
        "Members share experience with the responsible and ethical use of AI and work "
        "together on guidance for AI policy in small and medium-sized NGOs.",
        ["The group meets four times a year, at Digitaal Dorp in Utrecht and online in "
         "turn. Between meetings participants try out the agreements in their own teams.",
         "Its first result, ten agreements on generative AI, is in the knowledge base; "
         "guidance on the policy itself follows this year."]),
    "kerngroep-nieuwe-coalities": (
        "New coalitions core group",
        "The regular participants of the trajectory on new coalitions for international "
        "cooperation, with partners from outside the sector.",
        ["The core group prepares the trajectory days and maps after each day which "
         "contacts with municipalities, businesses and diaspora organisations bear fruit.",
         "Halfway through, an interim report listed eight coalitions of members; the core "
         "group uses it to choose which form to develop further."]),
}

SESSIONS_EN = {
    "ai-werkgroep-maart": (
        "AI working group: agreements on generative AI",
        "What does your organisation agree on generative AI? Members compare their "
        "guidelines.",
        ["Four members bring their current rules, from a ban on entering participants' "
         "names to a list of approved tools.",
         "We look for common ground and draft a first version of shared guidelines."]),
    "cyberveiligheid-kleine-ngos": (
        "Cybersecurity for small NGOs",
        "Phishing, back-ups and password policy: what works for an organisation without "
        "its own IT department?",
        ["Stichting Waterbron tells how a forged payment order nearly cost them twelve "
         "thousand euros, and what they have done differently since.",
         "Then you work in small groups on a one-page emergency plan for your own "
         "organisation."]),
    "digitale-autonomie-weg-van-big-tech": (
        "Digital autonomy: less dependent on Big Tech",
        "Open alternatives for e-mail, storage and collaboration, and how to organise the "
        "switch.",
        ["Digitaal Dorp shows how they moved to a European provider for mail and files in "
         "six months.",
         "Bring a list of the services your organisation uses now: in the second half we "
         "turn it into a migration plan."]),
    "leiderschapsdialoog-digitale-autonomie": (
        "Leadership dialogue: policy for digital autonomy",
        "Directors discuss the mandate and resources that policy on AI and cybersecurity "
        "requires.",
        ["The digital autonomy policy framework from the knowledge base is on the table; we "
         "discuss which of its choices belong to the board.",
         "The conversation is held under the Chatham House Rule, so participants can speak "
         "freely."]),
    "power-awareness-tool-februari": (
        "Working with the Power Awareness Tool",
        "Together with a sister federation: how do you map the power relations in a "
        "partnership with the Power Awareness Tool?",
        ["In pairs you answer the statements as if you were the partner, and then from "
         "your own organisation's point of view.",
         "Trainers from the sister federation tell how Belgian organisations held the "
         "conversation with partners in Congo and Rwanda."]),
    "dekoloniseren-van-binnenuit-1": (
        "Decolonising from within (1): language and imagery",
        "Members examine how their own communication repeats colonial images, and what "
        "they do differently.",
        ["Each participant brings a recent leaflet, post or fundraising letter from their "
         "own organisation.",
         "With the inclusive communication handbook as our guide, we rewrite one text "
         "together."]),
    "dekoloniseren-van-binnenuit-2": (
        "Decolonising from within (2): who decides about money?",
        "Shifting decision-making power over budgets to partners: experiences and "
        "obstacles.",
        ["Lokaal Leiderschap and Vrouwen voor Verandering tell how they gave partners a "
         "budget of their own and which internal rules had to change for it.",
         "This meeting builds on the first session on language and imagery, but can also "
         "be followed on its own."]),
    "leiderschapsdialoog-inclusieve-organisaties": (
        "Leadership dialogue: policy for equitable and inclusive organisations",
        "What account do boards give of fair partnerships?",
        ["Two directors open with their experience: one let partners co-decide on the "
         "strategy, the other met objections from the supervisory board.",
         "We end with the question which commitment each participant takes back to their "
         "own board."]),
    "krimpende-ruimte-juli": (
        "Shrinking civic space: partners under pressure",
        "How do you support partners facing repressive legislation?",
        ["A partner from Uganda tells how a new law on foreign funding forced her "
         "organisation to change its banking.",
         "Open Ruimte Foundation shares an overview of emergency funds and legal aid for "
         "organisations under threat."]),
    "nieuwe-coalities-deel-1": (
        "New coalitions trajectory (1): exploration",
        "First day of the trajectory: with whom do you build support outside the sector?",
        ["We map which municipalities, businesses and diaspora organisations members are "
         "already in touch with and what that cooperation yields.",
         "The day ends with a choice of three coalitions that the core group will work out "
         "in the autumn."]),
    "future-ready-leadership": (
        "Leadership dialogue: future-ready leadership",
        "For directors: leading an organisation through transformation and shrinking "
        "budgets.",
        ["Two directors share how they led their organisations through a merger and a "
         "reorganisation, and what they would do differently.",
         "The dialogue is held in English so that members of the English-speaking peer "
         "group can join."]),
    "digitale-autonomie-vervolg": (
        "Digital autonomy: follow-up session on open source",
        "Follow-up to the June session: members show how their switch went.",
        ["Three organisations that switched after the June session show their planning and "
         "tell where staff ran into trouble.",
         "No plan yet? Then a colleague helps you get started in a breakout room."]),
    "ai-werkgroep-december": (
        "AI working group: guidance on AI policy",
        "The working group discusses the draft guidance. Limited places.",
        ["The draft runs to twelve pages and covers procurement, data protection and what "
         "you do and do not let staff do with AI.",
         "Read the draft beforehand: it is sent to participants two weeks before the "
         "meeting."]),
    "leiderschapsdialoog-ai-en-cyber": (
        "Leadership dialogue: AI and cybersecurity in the budget",
        "What does digital security cost, and who carries the responsibility?",
        ["Using the budgets of two members, we look at the share that goes to IT and "
         "security and at what an incident costs.",
         "Finance directors are welcome too, together with their managing director."]),
    "power-awareness-tool-online": (
        "Power Awareness Tool 2.0: online working session",
        "Getting to know the online version of the tool, together with the sister "
        "federation.",
        ["You work with the online version on your own phone or laptop and see at once how "
         "the group's answers differ.",
         "The session is open to members' partners: feel free to invite a partner "
         "organisation."]),
    "leiderschapsdialoog-inclusie-vervolg": (
        "Leadership dialogue: inclusive staff policy",
        "Boards on recruitment, pay and the say of staff in partner countries.",
        ["The previous conversation showed that local staff often earn less for the same "
         "work; now we discuss how organisations put that right.",
         "An HR adviser from the association's shared services joins for practical "
         "questions."]),
    "nieuwe-coalities-deel-2": (
        "New coalitions trajectory (2): alliances with businesses and municipalities",
        "Second day: working with partners outside the sector, from municipalities to "
        "businesses.",
        ["An alderman from Utrecht and a sustainability manager of a dairy company tell "
         "what they look for in an NGO as a partner.",
         "In the afternoon participants develop the three chosen coalitions into a "
         "proposal."]),
    "krimpende-ruimte-webinar": (
        "Shrinking civic space: partners' digital security",
        "How do you protect partners and their data where civic space is shrinking?",
        ["A security specialist shows which data about partners you had better not keep in "
         "shared folders or chat groups.",
         "The webinar is recorded; the recording will be available to members only."]),
    "future-ready-leadership-peer-dialogue": (
        "Leadership dialogue: organisational transformation",
        "For directors: what a future-ready organisation looks like in 2030.",
        ["Each participant brings one decision their organisation has to take in the coming "
         "year; peers ask questions before anyone gives advice.",
         "The format follows the director peer-coaching groups and is limited to twelve "
         "participants."]),
}
