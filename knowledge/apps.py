from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class KnowledgeConfig(PortalAppConfig):
    default = True
    name = "knowledge"
    verbose_name = _("Knowledge base")
