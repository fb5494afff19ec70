"""Demo learning lines (the three lines of the 2026 Network & Learning agenda)."""

from learninglines.models import LearningLinePage
from portal.site_structure import ensure_translation, publish_page

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
    en = context["home_en"].locale
    lines = {}
    for spec in LINES:
        line = LearningLinePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if line is None:
            line = LearningLinePage(
                title=spec["title"], slug=spec["slug"], summary=spec["summary"]["nl"],
                practitioner_aim=spec["practitioner"]["nl"],
                leadership_aim=spec["leadership"]["nl"], locale=index.locale,
            )
            index.add_child(instance=line)
            publish_page(line)
        ensure_translation(line, en, {
            "title": spec["title"], "summary": spec["summary"]["en"],
            "practitioner_aim": spec["practitioner"]["en"],
            "leadership_aim": spec["leadership"]["en"],
        })
        lines[spec["slug"]] = line
    context["learning_lines"] = lines
