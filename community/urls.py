from django.urls import path

from community.views import discussions, notifications, people, spaces

app_name = "community"
urlpatterns = [
    path("mensen/", people.directory, name="directory"),
    path("mensen/<int:profile_id>/", people.profile, name="profile"),
    path("profiel/", people.edit_profile, name="edit_profile"),
    path("meldingen/", notifications.notifications, name="notifications"),
    path("groepen/", spaces.space_list, name="spaces"),
    path("groepen/<slug:slug>/", spaces.space, name="space"),
    path("groepen/<slug:slug>/aanmelden/", spaces.join, name="join"),
    path("groepen/<slug:slug>/uitnodiging/", spaces.accept_invitation,
         name="accept_invitation"),
    path("groepen/<slug:slug>/verlaten/", spaces.leave, name="leave"),
    path("groepen/<slug:slug>/volgen/", spaces.follow, name="follow"),
    path("groepen/<slug:slug>/leden/", spaces.members, name="members"),
    path("groepen/<slug:slug>/discussies/nieuw/", discussions.new_thread, name="new_thread"),
    path("groepen/<slug:slug>/discussies/<int:thread_id>/", discussions.thread,
         name="thread"),
    path("groepen/<slug:slug>/discussies/<int:thread_id>/volgen/", discussions.follow_thread,
         name="follow_thread"),
    path("groepen/<slug:slug>/berichten/<int:post_id>/melden/", discussions.report,
         name="report"),
    path("groepen/<slug:slug>/berichten/<int:post_id>/verbergen/", discussions.hide,
         name="hide"),
    path("groepen/<slug:slug>/documenten/nieuw/", discussions.upload_document,
         name="upload_document"),
    path("groepen/<slug:slug>/documenten/<int:document_id>/", discussions.upload_document,
         name="document"),
]
