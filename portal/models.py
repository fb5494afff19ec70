from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyStreamBlock


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.StandardPage",
        "knowledge.KnowledgeIndexPage",
        "learninglines.LearningLineIndexPage",
        "memberhub.NewsIndexPage",
        "memberhub.ImpactStoryIndexPage",
        "memberhub.VacancyIndexPage",
        "memberhub.EventIndexPage",
        "memberhub.MemberDirectoryPage",
    ]
    template = "portal/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import home_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(self, request.user)
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["portal.StandardPage"]
    template = "portal/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=50, help_text=_("E.g. Mastodon, LinkedIn"))
    url = blocks.URLBlock(label=_("Web address"))


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Vereniging Samen Verder"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    footer_text_nl = RichTextField(_("footer text (Dutch)"), blank=True,
                                   features=["bold", "italic", "link"])
    footer_text_en = RichTextField(_("footer text (English)"), blank=True,
                                   features=["bold", "italic", "link"])
    social_links = StreamField([("link", SocialLinkBlock())], blank=True,
                               verbose_name=_("social links"))

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("contact_email"), FieldPanel("phone"),
             FieldPanel("address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("footer_text_nl"), FieldPanel("footer_text_en")],
                        heading=_("Footer")),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def footer_text(self):
        if get_language() == "en" and self.footer_text_en:
            return self.footer_text_en
        return self.footer_text_nl


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    items = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        blank=True,
        verbose_name=_("main navigation"),
        help_text=_("Pages in the main menu, in order. Each is shown in the visitor's language "
                    "when a translation exists."),
    )

    panels = [FieldPanel("items")]

    class Meta:
        verbose_name = _("navigation")
