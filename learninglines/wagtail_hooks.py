from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from learninglines import admin_views, permissions
from learninglines.mijn import mijn_panel
from learninglines.models import SessionPage
from learninglines.selectors.sessions import SessionSource
from learninglines.viewsets import LearningLinesViewSetGroup

hooks.register("register_agenda_source", SessionSource())
hooks.register("register_mijn_panel", mijn_panel)


@hooks.register("register_admin_viewset")
def register_learning_line_viewsets():
    return LearningLinesViewSetGroup()


@hooks.register("register_admin_urls")
def register_learning_line_admin_urls():
    return [
        path("learninglines/figures/", admin_views.FiguresView.as_view(),
             name="learninglines_figures"),
        path("learninglines/sessions/<int:session_id>/registrations/",
             admin_views.SessionRegistrationsView.as_view(),
             name="learninglines_session_registrations"),
    ]


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_see_figures(request.user)


@hooks.register("register_admin_menu_item")
def register_figures_menu_item():
    return FiguresMenuItem(_("Participation figures"), reverse("learninglines_figures"),
                           icon_name="table", order=245)


@hooks.register("register_page_header_buttons")
def session_registrations_button(page, user, next_url=None, view_name=None):
    if page.specific_class is SessionPage and permissions.can_see_registrations(user):
        yield Button(_("Registrations"), reverse("learninglines_session_registrations",
                                                 args=[page.pk]), icon_name="group",
                     priority=60)


@hooks.register("register_personal_data_export")
def export_learning_data(user):
    from learninglines.privacy import export

    return export(user)


@hooks.register("register_personal_data_erasure")
def erase_learning_data(user):
    from learninglines.privacy import erase

    erase(user)


@hooks.register("register_periodic_jobs")
def learninglines_periodic_jobs():
    from learninglines.tasks import anonymise_registrations_task, send_evaluation_invitations_task
    from portal.periodic import PeriodicJob

    return [
        PeriodicJob("learninglines.evaluation_invitations", _("Evaluation invitations"),
                    send_evaluation_invitations_task, "0 * * * *"),
        PeriodicJob("learninglines.retention", _("Remove people from old registrations"),
                    anonymise_registrations_task, "30 3 * * *"),
    ]


@hooks.register("register_yearplan_measures")
def learning_line_measures():
    from learninglines.selectors import figures
    from portal.measures import PERCENT, SCORE_5, Measure

    return [
        Measure("learninglines.participation",
                _("Member organisations at one or more thematic sessions (%)"), PERCENT,
                figures.participation_share, cumulative=True),
        Measure("learninglines.session_satisfaction", _("Satisfaction after the sessions"),
                SCORE_5, figures.average_score, subjects=figures.session_subjects,
                compute_subject=figures.session_average),
    ]
