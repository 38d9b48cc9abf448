from django.urls import path
from django.utils.translation import gettext_lazy as _

from projects import views
from projects.feeds import ProjectFeed

app_name = "projects"
mount = "nu-undersoeger-vi/"
navigation = [("projects:list", _("Nu undersøger vi"))]
urlpatterns = [
    path("", views.project_list, name="list"),
    # Before the detail pages, so the address is the feed even beside a slug "feed".
    path("feed/", ProjectFeed.view(), name="feed"),
    path("<slug:slug>/", views.project_detail, name="detail"),
]
