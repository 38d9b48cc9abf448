from django.urls import path
from django.utils.translation import gettext_lazy as _

from films import views

app_name = "films"
mount = "film/"
navigation = [("films:list", _("Film"))]
urlpatterns = [
    path("", views.film_list, name="list"),
    path("<slug:slug>/", views.film_detail, name="detail"),
]
