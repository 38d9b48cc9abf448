from django.urls import path

from activities import views

app_name = "activities"
urlpatterns = [
    path("aktiviteter/", views.activity_list, name="list"),
    path("aktiviteter/<slug:slug>/", views.activity_detail, name="detail"),
    path("velfaerdstrappen/", views.staircase, name="staircase"),
    path("indsatsomraader/<slug:slug>/", views.focus_area, name="focus_area"),
]
