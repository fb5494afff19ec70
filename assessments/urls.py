from django.urls import path

from assessments import group_views, views

app_name = "assessments"
urlpatterns = [
    # Group rounds: the first two need no login (participants have no account).
    path("groep/", group_views.code, name="group_code"),
    path("groep/ronde/<int:group_round_id>/", group_views.round_detail, name="group_round"),
    path("groep/ronde/<int:group_round_id>/sluiten/", group_views.close, name="group_close"),
    path("groep/ronde/<int:group_round_id>/resultaten/", group_views.results,
         name="group_results"),
    path("groep/<str:token>/", group_views.answer, name="group_answer"),
    path("<slug:slug>/groepsronde/", group_views.start, name="group_start"),
    path("", views.index, name="index"),
    path("<slug:slug>/starten/", views.start, name="start"),
    path("ronde/<int:round_id>/", views.round_detail, name="round"),
    path("ronde/<int:round_id>/deel/<int:number>/", views.answer_page, name="answer"),
    path("ronde/<int:round_id>/klaar/", views.submit, name="submit"),
    path("ronde/<int:round_id>/afronden/", views.complete, name="complete"),
    path("ronde/<int:round_id>/resultaten/", views.results, name="results"),
    path("organisatie/<slug:slug>/instellingen/", views.organisation_settings,
         name="settings"),
]
