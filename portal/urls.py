from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from portal import views

portal_patterns = (
    [
        path("", views.home, name="home"),
        path("medarbejdere/", views.person_list, name="person_list"),
        path("medarbejdere/<slug:slug>/", views.person_detail, name="person_detail"),
        path("soeg/", views.search, name="search"),
        path("tilgaengelighed/", views.accessibility, name="accessibility"),
        path("privatliv/", views.privacy, name="privacy"),
    ],
    "portal",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz/", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("sitemap.xml", views.sitemap, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", include(portal_patterns)),
    path("nu-undersoeger-vi/", include("projects.urls")),
    path("temaer/", include("themes.urls")),
    path("nyheder/", include("portal.news.urls")),
    # The catalogue owns several top-level addresses: /aktiviteter/, /velfaerdstrappen/ …
    path("", include("activities.urls")),
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
