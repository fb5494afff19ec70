from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from servicedesk.admin import QuestionPermissionPolicy, QuestionViewSet
from servicedesk.mijn import mijn_panel
from servicedesk.models import Question

hooks.register("register_mijn_panel", mijn_panel)
register_permission_policy(Question, QuestionPermissionPolicy(Question))


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet("servicedesk_questions")


@hooks.register("register_yearplan_measures")
def register_yearplan_measures():
    from portal.measures import COUNT, PERCENT, Measure
    from servicedesk.selectors import organisations_served, share_answered_in_time

    return [
        Measure(key="servicedesk.answered_within_5_days",
                label=_("Services-desk questions answered within 5 working days"),
                unit=PERCENT, compute=share_answered_in_time),
        Measure(key="servicedesk.organisations_served",
                label=_("Member organisations that used the services desk"),
                unit=COUNT, compute=organisations_served),
    ]


@hooks.register("register_personal_data_export")
def export_service_questions(user):
    from servicedesk.privacy import export

    return export(user)


@hooks.register("register_personal_data_erasure")
def erase_service_questions(user):
    from servicedesk.privacy import erase

    erase(user)
