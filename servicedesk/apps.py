from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class ServicedeskConfig(PortalAppConfig):
    default = True
    name = "servicedesk"
    verbose_name = _("Shared services desk")
