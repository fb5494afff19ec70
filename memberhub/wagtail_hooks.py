from wagtail import hooks

from memberhub.viewsets import MemberhubViewSetGroup


@hooks.register("register_admin_viewset")
def register_member_viewsets():
    return MemberhubViewSetGroup()
