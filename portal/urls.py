from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from portal import opendata, readiness, registry, views

portal_patterns = (
    [
        path("", views.home, name="home"),
        path("medarbejdere/", views.person_list, name="person_list"),
        path("medarbejdere/<slug:slug>/", views.person_detail, name="person_detail"),
        path("soeg/", views.search, name="search"),
        path("tilgaengelighed/", views.accessibility, name="accessibility"),
        path("privatliv/", views.privacy, name="privacy"),
        path("data/", opendata.data_page, name="data"),
        # The exports have no names of their own: they are files, not page types, and
        # are reached through Dataset.url().
        path("data/<slug:dataset>.json", opendata.export, {"fmt": "json"}),
        path("data/<slug:dataset>.csv", opendata.export, {"fmt": "csv"}),
    ],
    "portal",
)

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz/", views.healthz, name="healthz"),
    path("healthz/ready/", readiness.ready, name="ready"),
    path("favicon.ico", views.favicon),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
]

# Each app's urls.py says where it is mounted (``mount``); see portal.registry.
urlpatterns += i18n_patterns(
    path("", include(portal_patterns)),
    *(path(mount, include(f"{app}.urls")) for app, mount in registry.offered("urls", "mount")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
