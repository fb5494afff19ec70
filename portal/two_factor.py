"""Two-factor authentication for editors and administrators (django-otp, TOTP).

Editors and superusers must confirm a one-time code from an authenticator app before
they may use their rights, anywhere (portal/editor_rights.py: until then the request's user
has no editor rights in any view, permission check or the admin). The first time, they set
the app up by scanning a QR code (drawn on the server as SVG: no request to another host).
"""

from urllib.parse import urlencode

import segno
from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import LazyObject, SimpleLazyObject, empty
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.editor_rights import editor_rights_withheld, withhold_editor_rights

ADMIN_PREFIX = "/admin/"
ADMIN_OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/jsi18n/")


def axes_username(request, credentials=None):
    """The login name django-axes counts failures for: the e-mail, case-insensitively."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(username).strip().lower()


def _unwrapped(user):
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


class RequireTwoFactorMiddleware:
    """Gives every request a user without editor rights until the second factor is
    confirmed in this session, and sends such editors and administrators to /accounts/2fa/
    when they open the Wagtail admin. Comes after django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        request.user = SimpleLazyObject(lambda: withhold_editor_rights(_unwrapped(user)))
        path = request.path
        if (path.startswith(ADMIN_PREFIX) and not path.startswith(ADMIN_OPEN_PATHS)
                and editor_rights_withheld(request.user)):
            return redirect(f"{reverse('two_factor')}?{urlencode({'next': path})}")
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6, max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "pattern": "[0-9]{6}"}),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("The code has six digits."))
        return token


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ADMIN_PREFIX
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return ADMIN_PREFIX


@login_required
def two_factor(request):
    """Set up (first time) or confirm the second factor."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or \
            TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("This code is not right or has expired. Try the current "
                                  "code."))
    context = {"form": form, "setting_up": setting_up, "next": _next_url(request)}
    if setting_up:
        context["qr_data_uri"] = segno.make(device.config_url, error="m").svg_data_uri(scale=4)
        context["secret"] = _base32(device)
    return render(request, "registration/two_factor.html", context)


def _base32(device):
    from base64 import b32encode

    return b32encode(device.bin_key).decode().rstrip("=")
