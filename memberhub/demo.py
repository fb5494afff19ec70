"""Demo organisations and accounts (fictional names)."""

import datetime

from django.contrib.auth.models import Group
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
