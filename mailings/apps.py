from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class MailingsConfig(PortalAppConfig):
    default = True
    name = "mailings"
    verbose_name = _("Mailings")
