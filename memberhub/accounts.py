"""The portal's login and password-reset views (Django's, with the portal's rules).

- After login an editor or administrator without a membership goes to the Wagtail admin
  (members to /mijn/), unless a safe ``next`` says otherwise.
- The login page says why it appeared when ``next`` is a members-only page.
- Password-reset e-mails are limited per address and per client (the cache counts them),
  with the same answer whether or not the address belongs to an account.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from memberhub.forms import PortalAuthenticationForm, PortalPasswordResetForm
from memberhub.selectors import is_member
from portal.access import members_only_target
from portal.permissions import has_editor_role
from portal.ratelimit import client_address, count_hit

RESET_KEY_PREFIX = "portal:password-reset"


def landing_url_after_login(user):
    """Where someone goes after login when no ``next`` says otherwise."""
    if has_editor_role(user) and not is_member(user):
        return reverse("wagtailadmin_home")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class PortalLoginView(auth_views.LoginView):
    authentication_form = PortalAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return landing_url_after_login(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["members_only_page"] = members_only_target(
            self.request, self.get_redirect_url())
        return context


# --- Password reset ---------------------------------------------------------------------


def _count(kind, value, window):
    """One more request for this address or client in the current window; the total
    (no working cache: no count, resets still work)."""
    return count_hit(f"{RESET_KEY_PREFIX}:{kind}", value, window)


def password_reset_allowed(request, email):
    """Count this request; False when the address or the client asked too often."""
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    by_address = _count("address", email.strip().lower(), window)
    by_client = _count("client", client_address(request), window)
    return (by_address <= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
            and by_client <= settings.PASSWORD_RESET_LIMIT_PER_CLIENT)


class PortalPasswordResetView(auth_views.PasswordResetView):
    form_class = PortalPasswordResetForm

    def form_valid(self, form):
        if not password_reset_allowed(self.request, form.cleaned_data["email"]):
            # The same message whether or not the address has an account.
            form.add_error(None, _(
                "A new password has been asked for too often for this address or from "
                "your connection. Wait an hour and try again. If the address belongs to an "
                "account, a link sent earlier still works for a day."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
