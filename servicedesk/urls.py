from django.urls import path

from servicedesk import views

app_name = "servicedesk"

urlpatterns = [
    path("", views.ask, name="ask"),
    path("<int:question_id>/", views.detail, name="detail"),
    path("<int:question_id>/bijlage/", views.attachment, name="attachment"),
]
