import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.templatetags.portal_tags import filesize

register = template.Library()

# The same escapes as django.utils.html.json_script: the JSON can never close the
# <script> element or open a comment, whatever the editors typed.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def document_meta(document):
    """'PDF, 12.3 kB' for a Wagtail document (type and size, for the link text)."""
    if document is None:
        return ""
    parts = []
    extension = (document.file_extension or "").upper()
    if extension:
        parts.append(extension)
    size = filesize(document.file_size) if document.file_size else ""
    if size:
        parts.append(size)
    return ", ".join(parts)


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD data block. It is data, not script: browsers do not run it,
    so the site's CSP (script-src 'self') does not apply."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308  # nosec B308 B703 (escaped above)
    )

