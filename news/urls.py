from django.urls import path
from django.utils.translation import gettext_lazy as _

from news import views
from news.feeds import NewsFeed

app_name = "news"
mount = "nyheder/"
navigation = [("news:list", _("Nyheder"))]
urlpatterns = [
    path("", views.article_list, name="list"),
    # Before the detail pages, so the address is the feed even beside a slug "feed".
    path("feed/", NewsFeed.view(), name="feed"),
    path("<slug:slug>/", views.article_detail, name="detail"),
]
