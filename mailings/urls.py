from django.urls import path

from mailings import views

app_name = "mailings"
urlpatterns = [
    path("", views.subscriptions, name="subscriptions"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("afmelden/<str:token>/one-click/", views.unsubscribe_one_click,
         name="unsubscribe_one_click"),
]
