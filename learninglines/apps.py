from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class LearninglinesConfig(PortalAppConfig):
    default = True
    name = "learninglines"
    verbose_name = _("Learning lines")
