"""Demo content of the site shell: settings and navigation."""

from portal.models import NavigationSettings, SiteSettings

NAVIGATION_SLUGS = ["kennisbank", "leerlijnen", "nieuws", "impactverhalen", "vacatures", "agenda",
                    "leden"]


def load(structure):
    site = structure["site"]
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
    sections = structure["sections"]
    navigation.items = [("page", sections[slug]) for slug in NAVIGATION_SLUGS if slug in sections]
    navigation.save()
