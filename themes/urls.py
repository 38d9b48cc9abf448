from django.urls import path
from django.utils.translation import gettext_lazy as _

from themes import views

app_name = "themes"
mount = "temaer/"
navigation = [("themes:list", _("Temaer"))]
urlpatterns = [
    path("", views.theme_list, name="list"),
    path("<slug:slug>/", views.theme_detail, name="detail"),
]
