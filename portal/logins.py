"""Logins that resist guessing: django-axes' lock, in Danish, and the ways to lift it.

After ``AXES_FAILURE_LIMIT`` failed logins for one user name, or from one address, within
``AXES_COOLOFF_TIME``, every login for that name and from that address is refused before
any password is checked. The lock ends by itself after the cool-off, or is lifted by a
successful login, by a new password (``UnlockOnNewPassword``) or by an editor with the
"Loginspærringer" list in the admin.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets: the admin's look, in Danish, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": _("Login spærret"),
        "minutes": minutes,
    }
    return TemplateResponse(
        request, "admin/login_locked.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    ).render()


class LockedLoginMiddleware:
    """Refuse a locked login before the login form runs (beside django-axes' middleware).

    A post to the admin's login from a locked address or for a locked user name gets the
    lockout page at once: no form, no authentication, no failure recorded, and one page
    rendered rather than the login form and then the lockout page. In a login flood
    nearly every attempt is such a one, so this keeps the workers free for visitors.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name != "admin:login":
            return None
        field = settings.AXES_USERNAME_FORM_FIELD
        credentials = {field: request.POST.get(field, "")}
        if AxesProxyHandler.is_allowed(request, credentials):
            return None
        return lockout_response(request, credentials=credentials)


def client_address(request) -> str | None:
    """Return the client's address: REMOTE_ADDR, or the one the trusted proxies report.

    Behind ``PORTAL_TRUSTED_PROXIES`` proxies that each append to X-Forwarded-For, the
    client is that many entries from the right; anything further left is what the client
    itself sent, and is not believed.
    """
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def unlock(username: str) -> int:
    """Lift the login lock of ``username``; return the number of records removed."""
    from axes.utils import reset

    return reset(username=username)


def unlock_on_login(sender, request, user, **kwargs) -> None:
    """A successful login clears the failures of that user name, and only those."""
    if user is not None and user.get_username():
        unlock(user.get_username())


class UnlockOnNewPassword:
    """A password "validator" that validates nothing: a new password lifts the lock.

    Django tells every validator when a user's password has changed (a reset, the
    admin's password form, ``manage.py changepassword``), whichever way it was set.
    """

    def validate(self, password, user=None):
        return None

    def password_changed(self, password, user=None):
        if user is not None and user.get_username():
            unlock(user.get_username())

    def get_help_text(self):
        return _("En ny adgangskode ophæver en eventuel loginspærring.")


class LoginLockAdmin(admin.ModelAdmin):
    """Failed logins per user name and address; an editor lifts a lock by deleting it."""

    list_display = ["who", "address", "failures", "last_try", "locked"]
    list_display_links = None
    search_fields = ["username", "ip_address"]
    actions = ["lift"]
    ordering = ["-attempt_time"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("get_data", "post_data")

    @admin.display(description=_("brugernavn"), ordering="username")
    def who(self, attempt):
        return attempt.username or "–"

    @admin.display(description=_("adresse"), ordering="ip_address")
    def address(self, attempt):
        return attempt.ip_address or "–"

    @admin.display(description=_("mislykkede forsøg"), ordering="failures_since_start")
    def failures(self, attempt):
        return attempt.failures_since_start

    @admin.display(description=_("seneste forsøg"), ordering="attempt_time")
    def last_try(self, attempt):
        return attempt.attempt_time

    @admin.display(description=_("spærret"), boolean=True)
    def locked(self, attempt):
        return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.action(description=_("Ophæv spærringen"), permissions=["delete"])
    def lift(self, request, queryset):
        count, _rows = queryset.delete()
        self.message_user(
            request,
            ngettext("%(count)d spærring er ophævet.", "%(count)d spærringer er ophævet.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)  # "Ophæv spærringen" says what deleting does
        return actions


def register_admin() -> None:
    from axes.models import AccessAttempt

    AccessAttempt._meta.verbose_name = _("loginspærring")
    AccessAttempt._meta.verbose_name_plural = _("loginspærringer")
    if not admin.site.is_registered(AccessAttempt):
        admin.site.register(AccessAttempt, LoginLockAdmin)
