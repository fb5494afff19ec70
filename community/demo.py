"""Demo content of the community: about twenty profiles with expertise, the AI working
group's space and the data and digitalisation community of practice with threads,
replies and a document, and an invitation-only peer group of directors.

Idempotent: run again, nothing is added twice. Demo people log in with the participants'
password (learninglines.demo.PARTICIPANT_PASSWORD)."""

from django.core.files.base import ContentFile

from community.models import JoinRule, Post, Profile, ProfileLanguage, Space, SpaceRole, Thread
from community.services.spaces import add_member
from community.text import sanitise
from learninglines.demo import PARTICIPANT_PASSWORD
from memberhub.models import MemberOrganisation, Membership, User
from portal.models import ThemeTag

# (first name, last name, organisation name, role, expertise, languages, track)
PEOPLE = [
    ("Noor", "Bakker", "Digitaal Dorp", "Informatiebeveiliger",
     ["Cyberveiligheid", "Digitale autonomie"], ["nl", "en"], "practitioner"),
    ("Joost", "van Dam", "Digitaal Dorp", "Directeur", ["Kunstmatige intelligentie"],
     ["nl", "en", "de"], "leadership"),
    ("Fatima", "El Amrani", "Stichting Waterbron", "Programmamanager",
     ["Klimaat", "Lokaal geleide samenwerking"], ["nl", "fr", "ar"], "practitioner"),
    ("Pieter", "de Vries", "Stichting Waterbron", "Directeur", ["Klimaat"], ["nl", "en"],
     "leadership"),
    ("Amara", "Okafor", "Aarde & Recht", "Beleidsadviseur",
     ["Dekolonisatie", "Maatschappelijke ruimte"], ["en", "nl"], "practitioner"),
    ("Sanne", "Jansen", "Aarde & Recht", "Directeur", ["Maatschappelijke ruimte"],
     ["nl", "en", "es"], "leadership"),
    ("Liam", "Visser", "Kinderkansen Internationaal", "Kwaliteitsmedewerker",
     ["Kwaliteit", "Integriteit"], ["nl", "en"], "practitioner"),
    ("Esther", "Mulder", "Kinderkansen Internationaal", "Directeur", ["Integriteit"],
     ["nl", "en", "fr"], "leadership"),
    ("Ayla", "Yilmaz", "Vrouwen voor Verandering", "Communicatieadviseur",
     ["Gender", "Inclusieve communicatie"], ["nl", "en"], "practitioner"),
    ("Grace", "Mensah", "Vrouwen voor Verandering", "Directeur",
     ["Gender", "Machtsverhoudingen"], ["en", "fr"], "leadership"),
    ("Daan", "Smit", "Gezond Samen", "Data-analist", ["Kwaliteit", "Digitale autonomie"],
     ["nl", "en"], "practitioner"),
    ("Ruth", "Kok", "Gezond Samen", "Directeur", ["Lokaal geleide samenwerking"],
     ["nl", "en", "pt"], "leadership"),
    ("Hamid", "Rahimi", "Vrede Nu Netwerk", "Programmacoördinator",
     ["Nieuwe coalities", "Maatschappelijke ruimte"], ["nl", "en", "ar"], "practitioner"),
    ("Marloes", "Peters", "Vrede Nu Netwerk", "Directeur", ["Politiek en beleid"],
     ["nl", "en"], "leadership"),
    ("Kofi", "Asante", "Oogst Coöperatie", "Adviseur digitalisering",
     ["Kunstmatige intelligentie", "Klimaat"], ["en", "nl", "sw"], "practitioner"),
    ("Iris", "de Boer", "Oogst Coöperatie", "Directeur", ["Nieuwe coalities"],
     ["nl", "en"], "leadership"),
    ("Tom", "Hendriks", "Gezond Samen", "IT-coördinator",
     ["Cyberveiligheid", "Kunstmatige intelligentie"], ["nl", "en"], "practitioner"),
    ("Maria", "Lopes", "Lokaal Leiderschap", "Trainer",
     ["Lokaal geleide samenwerking", "Machtsverhoudingen"], ["pt", "en", "nl"], "both"),
]

SPACES = [
    {"slug": "ai-werkgroep", "title": "AI-werkgroep", "working_group": "ai-werkgroep",
     "join_rule": JoinRule.OPEN,
     "description": "De ruimte van de AI-werkgroep: overleg tussen de bijeenkomsten, "
                    "concepten van de handreiking en verslagen.",
     "coordinators": ["noor.bakker"], "members": ["kofi.asante", "tom.hendriks",
                                                  "joost.vandam"],
     "threads": [
         ("Wie gebruikt al een AI-beleid?", "noor.bakker",
          "Wij schrijven een eerste versie van ons AI-beleid. Wie wil zijn beleid delen?",
          [("kofi.asante", "Wij hebben een korte versie; ik zet hem bij de documenten."),
           ("tom.hendriks", "Let op afspraken over persoonsgegevens in prompts, zie "
                            "<a href=\"https://autoriteitpersoonsgegevens.nl\">de AP</a>.")]),
         ("Verslag bijeenkomst maart", "kofi.asante",
          "Het verslag van de bijeenkomst in Utrecht staat bij de documenten.", []),
     ],
     "document": ("Concept handreiking AI-beleid", "handreiking-ai.txt",
                  "Concept handreiking AI-beleid voor kleine en middelgrote ngo's.\n")},
    {"slug": "data-digitalisering", "title": "Community of practice data en digitalisering",
     "working_group": None, "join_rule": JoinRule.REQUEST,
     "description": "Leden die werken aan data, informatiebeheer en digitalisering wisselen "
                    "ervaringen en hulpmiddelen uit.",
     "coordinators": ["daan.smit"], "members": ["noor.bakker", "fatima.elamrani"],
     "threads": [
         ("Welke tool voor monitoring en evaluatie?", "daan.smit",
          "Wij zoeken een tool voor monitoring met partners. Ervaringen?",
          [("fatima.elamrani", "Wij werken met KoboToolbox, goed voor werk in het veld.")]),
     ],
     "document": ("Overzicht M&E-tools", "me-tools.csv",
                  "tool;gebruikt door\nKoboToolbox;Stichting Waterbron\n")},
    {"slug": "directeuren", "title": "Intervisiegroep directeuren", "working_group": None,
     "join_rule": JoinRule.INVITATION,
     "description": "Vertrouwelijke intervisie van directeuren van lidorganisaties.",
     "coordinators": ["sanne.jansen"], "members": ["pieter.devries", "esther.mulder",
                                                   "grace.mensah"],
     "threads": [
         ("Agenda volgende intervisie", "sanne.jansen",
          "Voorstel: we bespreken leiderschap bij krimpende budgetten.",
          [("esther.mulder", "Goed voorstel, ik breng een casus mee.")]),
     ],
     "document": None},
]


def _key(first, last):
    return f"{first}.{last}".lower().replace(" ", "")


def _people():
    organisations = {o.name: o for o in MemberOrganisation.objects.all()}
    themes = {t.name: t for t in ThemeTag.objects.all()}
    people = {}
    for first, last, org_name, role, expertise, languages, track in PEOPLE:
        organisation = organisations.get(org_name)
        if organisation is None:
            continue
        email = f"{_key(first, last)}@{organisation.slug}.example.org"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, first_name=first, last_name=last)
            user.set_password(PARTICIPANT_PASSWORD)
            user.save()
        Membership.objects.get_or_create(user=user, organisation=organisation)
        profile, created = Profile.objects.get_or_create(
            user=user, defaults={"listed": True, "role": role, "track": track,
                                 "bio": f"{role} bij {org_name}."})
        if created:
            profile.expertise.set([themes[name] for name in expertise if name in themes])
            ProfileLanguage.objects.bulk_create([ProfileLanguage(profile=profile, code=code)
                                                 for code in languages])
        people[_key(first, last)] = user
    return people


def _demo_accounts():
    """The demo member and organisation admin get a profile too (opted in)."""
    themes = {t.name: t for t in ThemeTag.objects.all()}
    for email, role, expertise in (
            ("lid@example.org", "Projectmedewerker", ["Kunstmatige intelligentie"]),
            ("beheerder@waterbron.example.org", "Office manager", ["Kwaliteit"])):
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        profile, created = Profile.objects.get_or_create(
            user=user, defaults={"listed": True, "role": role,
                                 "organisations_visibility": "members"})
        if created:
            profile.expertise.set([themes[name] for name in expertise if name in themes])
            ProfileLanguage.objects.create(profile=profile, code="nl")


def _space(spec, people):
    from learninglines.models import WorkingGroupPage

    working_group = None
    if spec["working_group"]:
        working_group = WorkingGroupPage.objects.filter(slug=spec["working_group"]).first()
        if working_group is not None and Space.objects.filter(
                working_group=working_group).exclude(slug=spec["slug"]).exists():
            working_group = None
    space = Space.objects.filter(slug=spec["slug"]).first()
    if space is None:
        space = Space.objects.create(slug=spec["slug"], title=spec["title"],
                                     description=spec["description"],
                                     join_rule=spec["join_rule"], working_group=working_group)
    for key in spec["coordinators"]:
        if key in people:
            add_member(space, people[key], role=SpaceRole.COORDINATOR)
    for key in spec["members"]:
        if key in people:
            add_member(space, people[key])
    if not space.threads.exists():
        for title, author, text, replies in spec["threads"]:
            thread = Thread.objects.create(space=space, title=title, author=people.get(author),
                                           post_count=1 + len(replies))
            Post.objects.create(thread=thread, author=people.get(author), body=sanitise(text),
                                is_opening=True)
            for reply_author, reply_text in replies:
                Post.objects.create(thread=thread, author=people.get(reply_author),
                                    body=sanitise(reply_text))
    if spec["document"] and not space.documents.exists():
        from community.services.documents import add_version

        title, name, content = spec["document"]
        author = people[spec["coordinators"][0]]
        upload = ContentFile(content.encode(), name=name)
        add_version(space, author, upload, title=title)
    return space


def load(context):
    people = _people()
    _demo_accounts()
    context["community_spaces"] = {spec["slug"]: _space(spec, people) for spec in SPACES}
