"""The site tree every installation has: a Dutch home page with its English
translation and the section pages behind the contract URLs."""

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from portal.translation import texts_for, translate_page

# (app.Model, slug, Dutch title, English title, Dutch intro, English intro)
SECTIONS = [
    ("knowledge.KnowledgeIndexPage", "kennisbank", "Kennisbank", "Knowledge base",
     "Publicaties, tools en position papers van de vereniging en haar leden.",
     "Publications, tools and position papers by the association and its members."),
    ("learninglines.LearningLineIndexPage", "leerlijnen", "Leerlijnen", "Learning lines",
     "Drie leerlijnen, elk met een Practitioner- en een Leadership-track.",
     "Three learning lines, each with a Practitioner and a Leadership track."),
    ("memberhub.NewsIndexPage", "nieuws", "Nieuws", "News",
     "Nieuws van de vereniging en van de leden.",
     "News from the association and its members."),
    ("memberhub.ImpactStoryIndexPage", "impactverhalen", "Impactverhalen", "Impact stories",
     "Wat het werk van onze leden verandert, verteld door henzelf en hun partners.",
     "What our members' work changes, told by them and their partners."),
    ("memberhub.VacancyIndexPage", "vacatures", "Vacatures", "Vacancies",
     "Openstaande vacatures bij de leden.", "Open positions at member organisations."),
    ("memberhub.EventIndexPage", "agenda", "Agenda", "Agenda",
     "Bijeenkomsten van de vereniging, de leerlijnen en de leden.",
     "Meetings of the association, the learning lines and the members."),
    ("memberhub.MemberDirectoryPage", "leden", "Leden", "Members",
     "De lidorganisaties van de vereniging.", "The association's member organisations."),
]

HOME_TITLE = {"nl": "Samen verder in internationale samenwerking",
              "en": "Moving forward together in international cooperation"}
HOME_INTRO = {
    "nl": "Het ledenportaal van de brancheorganisatie voor internationale samenwerking: "
          "kennis, leerlijnen en nieuws van en voor de leden.",
    "en": "The member portal of the branch association for international cooperation: "
          "knowledge, learning lines and news by and for members.",
}


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


def ensure_locales():
    nl, _ = Locale.objects.get_or_create(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return nl, en


def publish_page(page, user=None):
    revision = page.save_revision(user=user, log_action=False)
    revision.publish(user=user, log_action=False)
    page.refresh_from_db()
    return page


def ensure_translation(page, locale, fields, extra_texts=None):
    """The page's live translation in ``locale`` (a wagtail-localize translation, made when
    missing) with ``fields`` (``{name: translated value}``) translated, and any segment
    whose text is a key of ``extra_texts`` (``{source text: translation}``, for texts
    outside those fields such as a child relation's); an editor's own translation of a
    segment stays (portal.translation.translate_page)."""
    return translate_page(page, locale, {**texts_for(page, fields), **(extra_texts or {})})


def paragraph_blocks(texts):
    """StreamField data: one rich-text paragraph block per text."""
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def _paragraph_sources(stream):
    return [block.value.source for block in stream if block.block_type == "paragraph"]


def ensure_own_body(page, texts, field="body"):
    """Give a demo page its own text: set ``field`` to ``texts`` when it is empty. Publishes
    only then (idempotent; a text an editor wrote stays). A translation gets its text
    through ensure_translation instead."""
    if _paragraph_sources(getattr(page, field)) or not texts:
        return page
    setattr(page, field, paragraph_blocks(texts))
    return publish_page(page)


@transaction.atomic
def ensure_site_structure():
    """Create or complete the home page, its translation and the section pages.

    Idempotent: running it twice leaves the same tree. Returns the Dutch home page.
    """
    from portal.permissions import ensure_groups

    HomePage = _model("portal.HomePage")
    nl, en = ensure_locales()
    root = Page.get_first_root_node()
    if root is None:  # a flushed database (transactional tests): rebuild what migrate made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=nl))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    ensure_groups()

    home = HomePage.objects.filter(locale=nl, depth=2).first()
    if home is None:
        # Replace Wagtail's placeholder welcome page, which has the slug we want.
        for placeholder in root.get_children().exact_type(Page).filter(slug="home"):
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
        home = HomePage(title=HOME_TITLE["nl"], slug="home", intro=HOME_INTRO["nl"], locale=nl)
        root.add_child(instance=home)
        publish_page(home)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = site.site_name or "Ledenportaal"
    site.save()

    # The English home page is a sibling of the Dutch one: its slug is translated.
    home_en = ensure_translation(home, en, {"title": HOME_TITLE["en"], "slug": "home-en",
                                            "intro": HOME_INTRO["en"]})

    sections = {}
    for label, slug, title_nl, title_en, intro_nl, intro_en in SECTIONS:
        model = _model(label)
        section = model.objects.child_of(home).filter(slug=slug).first()
        if section is None:
            section = model(title=title_nl, slug=slug, intro=f"<p>{intro_nl}</p>",
                            search_description=intro_nl, locale=nl)
            home.add_child(instance=section)
            publish_page(section)
        ensure_translation(section, en, {"title": title_en, "intro": f"<p>{intro_en}</p>",
                                         "search_description": intro_en})
        sections[slug] = section
    return {"home": home, "home_en": home_en, "sections": sections, "site": site}


def section(slug, locale_code="nl"):
    """The section page with this slug (e.g. 'kennisbank') in the given language."""
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    page = site.root_page.get_children().filter(slug=slug).first()
    if page is None:
        return None
    if locale_code != page.locale.language_code:
        page = page.get_translation_or_none(Locale.objects.get(language_code=locale_code))
    return page.specific if page else None
