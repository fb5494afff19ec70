from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class AssessmentsConfig(PortalAppConfig):
    default = True
    name = "assessments"
    verbose_name = _("Self-scans")
