from django.urls import path

from learninglines import views

app_name = "learninglines"
urlpatterns = [
    path("<str:token>/", views.evaluate, name="evaluate"),
]
