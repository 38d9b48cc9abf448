from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import views
from events.feeds import UpcomingEventsFeed

app_name = "events"
mount = "arrangementer/"
navigation = [("events:list", _("Arrangementer"))]
urlpatterns = [
    path("", views.event_list, name="list"),
    path("kalender.ics", views.upcoming_calendar, name="calendar"),
    path("feed/", UpcomingEventsFeed.view(), name="feed"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/kalender.ics", views.event_calendar, name="event_calendar"),
]
