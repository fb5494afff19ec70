"""Page translations through wagtail-localize (docs/translation.md).

An English page is a wagtail-localize translation of its Dutch source: a
``TranslationSource`` (the Dutch content, extracted into segments), a ``Translation`` into
English and a ``StringTranslation`` per translated segment. Editors see such a page in
wagtail-localize's translation editor and bring it up to date with "Sync translated pages";
the fields a page type marks as synchronised (dates, capacity, organisations, links to other
pages, images) are copied from the source at every sync.

- :func:`synchronised`: the page types' declarations (``override_translatable_fields``).
- :func:`translate_page`: make or complete a translation from known texts (the site
  structure, the demo), the way an editor's translation is stored.
- :func:`texts_for`: the texts for :func:`translate_page` from translated field values.
- :func:`translations_behind_their_source`: what the "Translations to sync" report lists.
"""

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, extract_strings


def synchronised(*names, overridable=False):
    """Fields copied from the source page into its translations at every sync. Not
    overridable by default: a translation's date, capacity or organisation never drifts
    from the source's."""
    return [SynchronizedField(name, overridable=overridable) for name in names]


# Every page type except the home page (a sibling of the Dutch home page, so its slug
# must differ): a translation has its source's slug, so /en/<path> mirrors /<path>.
PAGE_SYNCHRONISED = synchronised("slug")


def plain_texts(value):
    """The plain texts of a field value as wagtail-localize cuts it into segments: one per
    text, one per block element (paragraph) of rich text, one per item of a list."""
    if isinstance(value, list | tuple):
        return [text for item in value for text in plain_texts(item)]
    if not value:
        return []
    value = str(value)
    if value.lstrip().startswith("<"):
        _template, strings = extract_strings(value)
        return [string.render_text() for string, _attrs in strings]
    return [value]


def _source_value(page, name):
    value = getattr(page, name)
    if hasattr(value, "raw_data"):  # a StreamField: its rich-text paragraphs
        return [block.value.source for block in value if block.block_type == "paragraph"]
    return value


def texts_for(page, fields):
    """``{source text: translated text}`` for ``fields`` given as ``{field name: translated
    value}`` (a text, rich text, or for a StreamField a list of translated paragraphs in
    the order of the source's paragraphs)."""
    texts = {}
    for name, value in fields.items():
        texts.update(zip(plain_texts(_source_value(page, name)), plain_texts(value),
                         strict=False))
    return texts


def _add_string_translations(source, locale, texts, user):
    """A StringTranslation for each segment of ``source`` not yet translated into
    ``locale`` whose text ``texts`` knows. An existing translation (an editor's) stays."""
    segments = (StringSegment.objects.filter(source=source)
                .select_related("string", "context")
                .annotate(translated=Exists(StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"),
                    locale=locale))))
    added = 0
    for segment in segments:
        if segment.translated:
            continue
        text = texts.get(StringValue(segment.string.data).render_text())
        if text is None:
            continue
        StringTranslation.objects.create(
            translation_of=segment.string, locale=locale, context=segment.context,
            data=StringValue.from_plaintext(text).data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by=user,
        )
        added += 1
    return added


@transaction.atomic
def translate_page(page, locale, texts, user=None):
    """The live translation of ``page`` into ``locale``, made or brought up to date through
    wagtail-localize: the source extracted again if the page changed, a StringTranslation
    for each untranslated segment whose text is a key of ``texts`` (``{source text:
    translated text}``), segments without one in the source language, synchronised fields
    copied, then published. Does nothing when all that is already so (idempotent).

    Published here rather than on commit (wagtail-localize's own ``publish=True``), so
    the translation is live inside the caller's transaction too."""
    page = Page.objects.get(pk=page.pk).specific
    previous = (TranslationSource.objects.filter(object_id=page.translation_key,
                                                 locale_id=page.locale_id)
                .values_list("last_updated_at", flat=True).first())
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, created = Translation.objects.get_or_create(source=source,
                                                             target_locale=locale)
    if not translation.enabled:
        translation.enabled = created = True
        translation.save(update_fields=["enabled"])
    added = _add_string_translations(source, locale, texts, user)
    target = page.get_translation_or_none(locale)
    up_to_date = (target is not None and target.live and not target.has_unpublished_changes
                  and previous == source.last_updated_at and not created and not added)
    if up_to_date:
        return target.specific
    target, _new = source.create_or_update_translation(
        locale, user=user, publish=False, fallback=True, copy_parent_pages=True)
    target.get_latest_revision().publish(user=user, log_action=False)
    target.refresh_from_db()
    return target.specific


def translations_behind_their_source():
    """Enabled page translations whose source page was published after it was last synced
    ("Sync translated pages"): the English page misses a change of the Dutch one."""
    published = (Page.objects.filter(translation_key=OuterRef("source__object_id"),
                                     locale_id=OuterRef("source__locale_id"))
                 .values("last_published_at")[:1])
    return (Translation.objects.filter(enabled=True)
            .annotate(source_published_at=Subquery(published))
            .filter(source_published_at__gt=F("source__last_updated_at"))
            .select_related("source", "target_locale")
            .order_by("-source_published_at", "pk"))
