from django.urls import path

from memberhub import views

app_name = "memberhub"
urlpatterns = [
    path("", views.mijn, name="mijn"),
    path("bijdragen/<int:page_id>/intrekken/", views.withdraw, name="withdraw"),
    path("organisatie/<slug:slug>/", views.colleagues, name="colleagues"),
    path("organisatie/<slug:slug>/profiel/", views.edit_profile, name="edit_profile"),
    path("organisatie/<slug:slug>/leden/<int:membership_id>/rol/", views.set_role,
         name="set_role"),
    path("organisatie/<slug:slug>/leden/<int:membership_id>/verwijderen/", views.remove_member,
         name="remove_member"),
    path("organisatie/<slug:slug>/uitnodigingen/<int:invitation_id>/intrekken/",
         views.revoke_invitation, name="revoke_invitation"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
]
