from django.urls import path

from search.views import autocomplete_view, search_view

app_name = "search"
urlpatterns = [
    path("", search_view, name="search"),
    path("autocomplete/", autocomplete_view, name="autocomplete"),
]
