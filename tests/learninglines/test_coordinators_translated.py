"""A learning line's coordinators in both languages (issue 15): the role is translated
with the line page in wagtail-localize, the name and organisation follow the Dutch page
at every sync, and the English page shows its own rows."""

import pytest
from wagtail.models import Locale

from learninglines.models import LearningLineCoordinator, LearningLinePage
from portal.site_structure import ensure_translation, publish_page
from tests.learninglines.factories import make_line

pytestmark = pytest.mark.django_db


def coordinators_shown(client, url):
    html = client.get(url).content.decode()
    start = html.index('id="line-coordinators"')
    return html[start:html.index("</section>", start)]


def test_the_english_line_page_shows_translated_roles(client, site_structure, organisation):
    english = Locale.objects.get(language_code="en")
    line = make_line(site_structure, title="Digital Readiness")
    line.coordinators = [
        LearningLineCoordinator(name="Noor Bakker", role="coördinator Practitioner-track",
                                organisation=organisation),
    ]
    publish_page(line)
    target = ensure_translation(line, english, {"title": "Digital Readiness",
                                                "summary": "About this line."},
                                extra_texts={"coördinator Practitioner-track":
                                             "Practitioner track coordinator"})
    dutch_url, english_url = line.url, target.url  # (a page's url follows the language)
    assert english_url == f"/en{dutch_url}"
    dutch_row = LearningLineCoordinator.objects.get(line=line)
    english_row = LearningLineCoordinator.objects.get(line=target)
    assert english_row.pk != dutch_row.pk
    assert (english_row.translation_key, english_row.locale) == (dutch_row.translation_key,
                                                                 english)
    shown = coordinators_shown(client, english_url)
    assert "Practitioner track coordinator" in shown and "coördinator" not in shown
    assert "Noor Bakker" in shown and organisation.name in shown
    assert "coördinator Practitioner-track" in coordinators_shown(client, dutch_url)

    # The Dutch page changes the person; the sync copies the name, the role stays English.
    dutch_row.name = "Pieter de Wit"
    dutch_row.save()
    line = LearningLinePage.objects.get(pk=line.pk)
    publish_page(line)
    target = ensure_translation(line, english, {})
    shown = coordinators_shown(client, english_url)
    assert "Pieter de Wit" in shown and "Practitioner track coordinator" in shown


def test_the_demo_lines_have_english_roles(client, demo):
    shown = coordinators_shown(client, "/en/leerlijnen/digital-readiness/")
    assert "Practitioner track coordinator" in shown and "Leadership track coordinator" in shown
    assert "coördinator" not in shown
