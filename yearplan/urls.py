from django.urls import path

from yearplan import views

app_name = "yearplan"
urlpatterns = [
    path("ledenvergadering/<int:pk>/", views.assembly, name="assembly"),
    path("ledenvergadering/<int:pk>/aanwezig/", views.check_in, name="check_in"),
    path("campagnes/", views.campaigns, name="campaigns"),
]
