from django.urls import path
from django.utils.translation import gettext_lazy as _

from projects import views

app_name = "projects"
mount = "nu-undersoeger-vi/"
navigation = [("projects:list", _("Nu undersøger vi"))]
urlpatterns = [
    path("", views.project_list, name="list"),
    path("<slug:slug>/", views.project_detail, name="detail"),
]
