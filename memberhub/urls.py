from django.urls import path

from memberhub import views

app_name = "memberhub"
urlpatterns = [path("", views.mijn, name="mijn")]
