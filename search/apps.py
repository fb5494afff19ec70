from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class SearchConfig(PortalAppConfig):
    default = True
    name = "search"
    verbose_name = _("Portal search")
