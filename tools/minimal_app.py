"""The smallest Django application: the baseline a user compares web frameworks by.

Settings are given here, not read from portal.settings: no middleware, no database,
no templates, one view that answers "ok". The benchmark serves it with the site's
gunicorn settings, so the difference is what the site adds on top of Django.
"""

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    DATABASES={},
)


def ok(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("", ok)]
application = get_wsgi_application()
