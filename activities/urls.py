from django.urls import path
from django.utils.translation import gettext_lazy as _

from activities import views

app_name = "activities"
# The catalogue owns several top-level addresses: /aktiviteter/, /velfaerdstrappen/ …
mount = ""
navigation = [("activities:list", _("Aktiviteter")), ("activities:overview", _("Indsatsområder"))]
urlpatterns = [
    path("aktiviteter/", views.activity_list, name="list"),
    path("aktiviteter/<slug:slug>/", views.activity_detail, name="detail"),
    path("velfaerdstrappen/", views.staircase, name="staircase"),
    path("indsatsomraader/", views.overview, name="overview"),
    path("indsatsomraader/<slug:slug>/", views.focus_area, name="focus_area"),
]
