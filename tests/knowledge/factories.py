"""Helpers that build knowledge items the way editors do (saved, then published)."""

import datetime
import itertools

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from knowledge.demo import minimal_pdf
from knowledge.models import Kind, KnowledgeItemDocument, KnowledgeItemPage
from learninglines.models import LearningLinePage
from portal.models import SustainableDevelopmentGoal, ThemeTag
from portal.site_structure import publish_page

_numbers = itertools.count(1)


def make_line(site_structure, slug, title=None):
    index = site_structure["sections"]["leerlijnen"]
    line = LearningLinePage.objects.child_of(index).filter(slug=slug).first()
    if line is None:
        line = LearningLinePage(title=title or slug.replace("-", " ").title(), slug=slug,
                                summary="Een leerlijn.")
        index.add_child(instance=line)
        publish_page(line)
    return line


def make_theme(name):
    return ThemeTag.objects.get_or_create(name=name)[0]


def make_document(title="Handleiding", size_hint=""):
    Document = get_document_model()
    data = minimal_pdf(title, [size_hint or "Testdocument"])
    document = Document(title=title)
    document.file.save(f"test-{next(_numbers)}.pdf", ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return document


def make_item(parent, title=None, *, kind=Kind.PUBLICATION, lines=(), themes=(), sdgs=(),
              organisations=(), documents=(), publish=True, **fields):
    number = next(_numbers)
    fields.setdefault("summary", f"Samenvatting van item {number}.")
    fields.setdefault("publication_date", datetime.date(2025, 1, 1))
    item = KnowledgeItemPage(title=title or f"Kennisitem {number}", kind=kind, **fields)
    item.learning_lines = list(lines)
    item.authoring_organisations = list(organisations)
    item.sdgs = list(SustainableDevelopmentGoal.objects.filter(number__in=list(sdgs)))
    item.themes.set([make_theme(name) if isinstance(name, str) else name for name in themes])
    item.attachments = [KnowledgeItemDocument(document=document, sort_order=position)
                        for position, document in enumerate(documents)]
    if not publish:
        item.live = False  # as the admin creates a page: a draft until published
    parent.add_child(instance=item)
    if publish:
        publish_page(item)
    else:
        item.save_revision()
    return KnowledgeItemPage.objects.get(pk=item.pk)
