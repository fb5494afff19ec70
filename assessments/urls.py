from django.urls import path

from assessments import views

app_name = "assessments"
urlpatterns = [
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
