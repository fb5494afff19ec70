"""StreamField blocks shared by the site's pages."""

from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Features of the rich-text editor for the association's own editors.
EDITOR_RICHTEXT_FEATURES = [
    "h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr", "blockquote",
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"), max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    url = blocks.URLBlock(label=_("Or link to web address"), required=False)
    button_label = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or a web address.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class LinkHostMixin:
    """For a block with a ``url``: its template gets ``host``, the host name the link
    leads to (shown on link cards, so the reader knows where they are going)."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["host"] = urlparse(value.get("url") or "").hostname or ""
        return context


class ExternalMediaBlock(LinkHostMixin, blocks.StructBlock):
    """A video, slide deck or other media hosted elsewhere.

    Rendered as a link card, not an iframe: the association's pages make no request to
    other hosts (no tracking by video platforms). The visitor chooses to follow the link.
    """

    url = blocks.URLBlock(label=_("Web address of the media"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "media"
        label = _("Embedded media (as link)")
        template = "blocks/external_media_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=EDITOR_RICHTEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    image = AccessibleImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = ExternalMediaBlock()
