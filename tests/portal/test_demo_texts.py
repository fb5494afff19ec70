"""Every demo text is its own (issue 12, item 23): after ``load_demo`` no page of any app
repeats its summary or introduction in its body, no two pages end on the same closing
sentence, and no paragraph appears on two pages (an English translation included: it
gets English text, not a copy of the Dutch)."""

import re
from collections import defaultdict

import pytest
from wagtail.models import Page

from knowledge.models import KnowledgeItemPage
from learninglines.models import LearningLinePage, WorkingGroupPage

pytestmark = pytest.mark.django_db

PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p>", re.S)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Where a page keeps its introduction and its text.
INTRO_FIELDS = ("summary", "intro")
BODY_FIELDS = ("body", "change")


def strings(value):
    """Every string in a StreamField's raw data (paragraphs inside structs included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def clean(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def paragraphs(page):
    found = []
    for name in BODY_FIELDS:
        value = getattr(page, name, None)
        if value is None or not hasattr(value, "raw_data"):
            continue
        for text in strings(list(value.raw_data)):
            found += [clean(part) for part in PARAGRAPH.findall(text) if clean(part)]
    return found


def intro(page):
    for name in INTRO_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, str) and value.strip():
            return clean(value)
    return ""


def sentences(text):
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def demo_pages():
    return [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]


def test_every_demo_text_is_its_own(demo):
    pages = demo_pages()
    assert len(pages) > 80
    last_sentence = defaultdict(list)
    paragraph_on = defaultdict(list)
    with_text = 0
    for page in pages:
        text = paragraphs(page)
        if not text:
            continue
        with_text += 1
        where = f"{page.locale.language_code}:{page.url_path}"
        summary = intro(page)
        body = " ".join(text)
        if summary:
            assert summary not in body, where
            for sentence in sentences(summary):
                assert len(sentence) < 30 or sentence not in body, (where, sentence)
        last_sentence[sentences(text[-1])[-1]].append(where)
        for paragraph in text:
            paragraph_on[paragraph].append(where)
    assert with_text > 60
    assert {s: w for s, w in last_sentence.items() if len(w) > 1} == {}
    assert {p: w for p, w in paragraph_on.items() if len(w) > 1} == {}


def test_knowledge_items_and_learning_lines_have_their_own_text(demo):
    """Not only the summary: each knowledge item, learning line and working group, in
    Dutch and in English, has a body of its own."""
    for model in (KnowledgeItemPage, LearningLinePage, WorkingGroupPage):
        pages = list(model.objects.all())
        assert pages, model
        for page in pages:
            assert paragraphs(page), (model.__name__, page.locale.language_code, page.slug)
