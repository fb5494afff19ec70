"""Personal data (GDPR): a member downloads theirs as JSON and can delete their account.

Apps contribute through two Wagtail hooks, so each app stays the one that knows its data:
- ``register_personal_data_export``: ``fn(user) -> dict`` (a section of the export);
- ``register_personal_data_erasure``: ``fn(user) -> None``, called before the account is
  deleted, to anonymise what must stay for the figures (e.g. attended sessions) and
  delete the rest.
"""

import json

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks


def export_personal_data(user):
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": getattr(user, "preferred_language", ""),
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "memberships": [
            {"organisation": membership.organisation.name, "role": membership.role,
             "since": membership.created_at.isoformat()}
            for membership in user.memberships.select_related("organisation")
        ],
    }
    for export in hooks.get_hooks("register_personal_data_export"):
        data.update(export(user))
    return data


@transaction.atomic
def delete_account(user):
    """Anonymise or delete everything personal, then the account itself."""
    for erase in hooks.get_hooks("register_personal_data_erasure"):
        erase(user)
    user.delete()


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput(
        attrs={"autocomplete": "current-password"}))
    confirm = forms.BooleanField(label=_("I understand that my account and personal data are "
                                         "deleted and that this cannot be undone."))

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."))
        return password


@login_required
def my_data(request):
    if request.GET.get("download"):
        content = json.dumps(export_personal_data(request.user), indent=2, ensure_ascii=False)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
        response["Cache-Control"] = "private, no-store"
        return response
    return render(request, "registration/my_data.html", {"form": DeleteAccountForm(request.user)})


@login_required
@require_http_methods(["POST"])
def delete_my_account(request):
    form = DeleteAccountForm(request.user, request.POST)
    if not form.is_valid():
        return render(request, "registration/my_data.html", {"form": form}, status=400)
    user = request.user
    logout(request)
    delete_account(user)
    return redirect("account_deleted")


def account_deleted(request):
    return render(request, "registration/account_deleted.html")
