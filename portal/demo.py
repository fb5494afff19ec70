"""Demo content of the site shell: settings and navigation."""

from portal.models import NavigationSettings, SiteSettings, ThemeTag

THEMES = [
    ("Kunstmatige intelligentie", "Artificial intelligence"),
    ("Cyberveiligheid", "Cybersecurity"),
    ("Digitale autonomie", "Digital autonomy"),
    ("Dekolonisatie", "Decolonisation"),
    ("Lokaal geleide samenwerking", "Locally-led cooperation"),
    ("Machtsverhoudingen", "Power relations"),
    ("Maatschappelijke ruimte", "Civic space"),
    ("Nieuwe coalities", "New coalitions"),
    ("Integriteit", "Integrity"),
    ("Kwaliteit", "Quality"),
    ("Inclusieve communicatie", "Inclusive communication"),
    ("Klimaat", "Climate"),
    ("Gender", "Gender"),
    ("Politiek en beleid", "Politics and policy"),
]

NAVIGATION_SLUGS = ["kennisbank", "leerlijnen", "nieuws", "impactverhalen", "vacatures", "agenda",
                    "leden"]


def load(context):
    for name, name_en in THEMES:
        ThemeTag.objects.update_or_create(name=name, defaults={"name_en": name_en})

    site = context["site"]
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "Vereniging Samen Verder"
    settings.contact_email = "info@example.org"
    settings.phone = "+31 20 123 45 67"
    settings.address = "Voorbeeldgracht 12\n1012 AB Amsterdam"
    settings.footer_text_nl = (
        "<p>De vereniging verbindt ruim honderd organisaties voor internationale samenwerking. "
        "Dit portaal laadt niets van andere servers en volgt bezoekers niet.</p>"
    )
    settings.footer_text_en = (
        "<p>The association connects over a hundred international cooperation organisations. "
        "This portal loads nothing from other servers and does not track visitors.</p>"
    )
    settings.social_links = [
        ("link", {"name": "Mastodon", "url": "https://mastodon.example.org/@samenverder"}),
        ("link", {"name": "LinkedIn", "url": "https://www.linkedin.com/company/example"}),
    ]
    settings.save()

    navigation = NavigationSettings.for_site(site)
    sections = context["sections"]
    navigation.items = [("page", sections[slug]) for slug in NAVIGATION_SLUGS if slug in sections]
    navigation.save()
