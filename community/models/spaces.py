"""Group spaces: one per working group (and per peer group an editor sets up), backed by
a Django group (its members) and a Wagtail collection (its documents, private to that
group through Wagtail's collection privacy), so portal.visibility decides who sees it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from community.models.choices import JoinRule, SpaceRole


class Space(models.Model):
    title = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True,
                            help_text=_("Used in the web address: /netwerk/groepen/<slug>/."))
    description = models.TextField(_("description"), max_length=1500, blank=True)
    working_group = models.OneToOneField(
        "learninglines.WorkingGroupPage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="community_space", verbose_name=_("working group"),
        help_text=_("Leave empty for a peer group that is not a working group."))
    join_rule = models.CharField(_("who may join"), max_length=12, choices=JoinRule.choices,
                                 default=JoinRule.OPEN)
    group = models.OneToOneField("auth.Group", null=True, blank=True, editable=False,
                                 on_delete=models.PROTECT, related_name="community_space")
    collection = models.OneToOneField("wagtailcore.Collection", null=True, blank=True,
                                      editable=False, on_delete=models.PROTECT,
                                      related_name="community_space")
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("description"),
              FieldPanel("working_group"), FieldPanel("join_rule")]

    class Meta:
        verbose_name = _("group space")
        verbose_name_plural = _("group spaces")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("community:space", args=[self.slug])


class SpaceMembership(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="space_memberships", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=12, choices=SpaceRole.choices,
                            default=SpaceRole.MEMBER)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("space member")
        verbose_name_plural = _("space members")
        constraints = [models.UniqueConstraint(fields=["space", "user"],
                                               name="community_space_member_once")]

    def __str__(self):
        return f"{self.user} – {self.space}"

    @property
    def is_coordinator(self):
        return self.role == SpaceRole.COORDINATOR


class MembershipRequest(models.Model):
    """A member asking to join (approved by a coordinator) or a coordinator inviting one."""

    class Kind(models.TextChoices):
        REQUEST = "request", _("Request")
        INVITATION = "invitation", _("Invitation")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="space_requests")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    message = models.CharField(_("message"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")
        constraints = [models.UniqueConstraint(
            fields=["space", "user"], condition=models.Q(status="pending"),
            name="community_one_pending_request")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.user} – {self.space}"
