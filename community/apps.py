from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class CommunityConfig(PortalAppConfig):
    default = True
    name = "community"
    verbose_name = _("Community")
