"""What a visitor sees of the demo (issue 12, item 23): the home page, news and impact
stories carry images the project drew itself, with alternative texts, served from this
site; each demo text is its own, not the summary again with the same closing line."""

import io
import re
from collections import Counter

import pytest
from django.core.management import call_command
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from memberhub.models import EventPage, ImpactStoryPage, NewsPage, VacancyPage

pytestmark = pytest.mark.django_db
IMG = re.compile(r"<img\b[^>]*>")


def images_in(html):
    found = []
    for tag in IMG.findall(html):
        src = re.search(r'src="([^"]+)"', tag).group(1)
        alt = re.search(r'alt="([^"]*)"', tag)
        found.append((src, alt.group(1) if alt else None))
    return found


def assert_own_image(client, html):
    images = [(src, alt) for src, alt in images_in(html) if "/media/" in src]
    assert images, "no image from the media library on the page"
    for src, alt in images:
        assert src.startswith("/"), src  # this site, never another host
        assert alt and len(alt) > 15, (src, alt)
    src = images[0][0]
    response = client.get(src)
    if response.status_code == 200:  # served in tests too (static/media from disk)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        PillowImage.open(io.BytesIO(body)).verify()


def test_demo_pictures_and_texts_as_a_visitor_sees_them(client, demo):
    # load_demo twice (the demo fixture is its first run): the images are made once.
    images_before = get_image_model().objects.count()
    call_command("load_demo")
    assert get_image_model().objects.count() == images_before
    for image in get_image_model().objects.filter(title__contains="[demo:"):
        with image.open_file() as handle:
            picture = PillowImage.open(handle)
            picture.verify()
        assert picture.format == "PNG"

    # The home page, a news item and an impact story show an image with its alt text.
    assert_own_image(client, client.get("/").content.decode())
    assert_own_image(client, client.get("/en/").content.decode())
    news = NewsPage.objects.live().public().filter(locale__language_code="nl").first()
    assert_own_image(client, client.get(news.url).content.decode())
    story = ImpactStoryPage.objects.live().public().filter(locale__language_code="nl").first()
    assert_own_image(client, client.get(story.url).content.decode())
    assert all(page.image_id and page.image_alt for page in
               NewsPage.objects.live().filter(locale__language_code="nl"))

    # Each text is its own: not the summary again, no shared closing line.
    for model, field in [(NewsPage, "body"), (ImpactStoryPage, "change"),
                         (VacancyPage, "body"), (EventPage, "body")]:
        pages = list(model.objects.filter(locale__language_code="nl"))
        assert len(pages) >= 5, model
        last_lines = Counter()
        for page in pages:
            text = paragraphs(getattr(page, field))
            assert text, page.title
            assert page.summary.strip() not in text, page.title
            last_lines[text[-1]] += 1
        assert [line for line, count in last_lines.items() if count > 1] == [], model


def paragraphs(html):
    return [re.sub(r"<[^>]+>", "", part).strip()
            for part in re.findall(r"<p>(.*?)</p>", html or "", re.S)]
