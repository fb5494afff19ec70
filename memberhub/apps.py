from django.utils.translation import gettext_lazy as _

from portal.apps import PortalAppConfig


class MemberhubConfig(PortalAppConfig):
    default = True
    name = "memberhub"
    verbose_name = _("Member hub")

    def ready(self):
        super().ready()
        from memberhub import workflow_names

        workflow_names.install()
