"""Demo content of the site shell: settings and navigation."""

from wagtail.models import Locale

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

    _home_images()

    navigation = NavigationSettings.for_site(site)
    sections = context["sections"]
    navigation.items = [("page", sections[slug]) for slug in NAVIGATION_SLUGS if slug in sections]
    navigation.save()


HOME_IMAGE_ALT = {
    "nl": "Getekend landschap in blauwtinten: heuvels, een gele zon en witte huisjes, als "
          "beeld voor samenwerking tussen dorpen en organisaties.",
    "en": "Drawn landscape in shades of blue: hills, a yellow sun and white houses, as an "
          "image of cooperation between villages and organisations.",
}


def _home_images():
    """One demo image at the top of the Dutch home page body (added once); the English home
    page, its translation, gets it at the sync with the alt text translated."""
    from portal.demo_images import demo_image
    from portal.models import HomePage
    from portal.site_structure import publish_page
    from portal.translation import translate_page

    image = demo_image("home", "Illustratie: samenwerking", "water")
    for home in HomePage.objects.filter(locale__language_code="nl"):
        if not any(block.block_type == "image" for block in home.body):
            home.body.insert(0, ("image", {"image": image, "alt_text": HOME_IMAGE_ALT["nl"],
                                           "caption": ""}))
            home.save()
            publish_page(home)
        for locale in Locale.objects.filter(language_code="en"):
            translate_page(home, locale, {HOME_IMAGE_ALT["nl"]: HOME_IMAGE_ALT["en"]})
