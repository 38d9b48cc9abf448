from django.urls import path
from django.utils.translation import gettext_lazy as _

from news import views

app_name = "news"
mount = "nyheder/"
navigation = [("news:list", _("Nyheder"))]
urlpatterns = [
    path("", views.article_list, name="list"),
    path("<slug:slug>/", views.article_detail, name="detail"),
]
