from wagtail import hooks

from assessments.mijn import mijn_panel
from assessments.viewsets import AssessmentsViewSetGroup

hooks.register("register_mijn_panel", mijn_panel)


@hooks.register("register_admin_viewset")
def register_assessment_viewsets():
    return AssessmentsViewSetGroup()


@hooks.register("register_personal_data_export")
def export_scan_answers(user):
    from assessments.privacy import export

    return export(user)


@hooks.register("register_personal_data_erasure")
def erase_scan_answers(user):
    from assessments.privacy import erase

    erase(user)
