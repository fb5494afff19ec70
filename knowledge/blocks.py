"""StreamField blocks of knowledge items."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import BodyStreamBlock, LinkHostMixin


class ExternalLinkBlock(LinkHostMixin, blocks.StructBlock):
    """A link to the product elsewhere (an online tool, a publisher's page …)."""

    title = blocks.CharBlock(label=_("Link text"), max_length=200)
    url = blocks.URLBlock(label=_("Web address"))
    description = blocks.CharBlock(label=_("Description"), max_length=300, required=False)

    class Meta:
        icon = "link-external"
        label = _("External link")
        template = "knowledge/blocks/external_link_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A document inside the text, shown with its type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), max_length=200, required=False,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "knowledge/blocks/document_link_block.html"


class KnowledgeBodyBlock(BodyStreamBlock):
    """The site's body blocks plus a document link."""

    document = DocumentLinkBlock()
