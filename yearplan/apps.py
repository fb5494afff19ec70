from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class YearplanConfig(PortalAppConfig):
    default = True
    name = "yearplan"
    verbose_name = _("Year plan")
