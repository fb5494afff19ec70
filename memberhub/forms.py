from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _


class PortalAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "This e-mail address and password do not match an account. Check both and "
            "try again; the password is case-sensitive."
        ),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


RESET_EMAIL_TEMPLATE = "registration/password_reset"


class PortalPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):
        """Through the outbox like every e-mail, in the language the person chose, with
        the link into that language's site and on the configured address (never the
        Host header of the request)."""
        from portal.links import absolute_reverse
        from portal.mail import queue_templated_email, recipient_language

        language = recipient_language(context["user"])
        context = {**context, "reset_url": absolute_reverse(
            "password_reset_confirm", language,
            kwargs={"uidb64": context["uid"], "token": context["token"]})}
        queue_templated_email(to_email, RESET_EMAIL_TEMPLATE, context, language=language,
                              category="account")


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of your colleague"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=[])

    def __init__(self, *args, **kwargs):
        from memberhub.models import Membership

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Membership.Role.choices

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=[])

    def __init__(self, *args, **kwargs):
        from memberhub.models import Membership

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Membership.Role.choices


ALLOWED_LOGO_TYPES = {"jpeg", "png", "gif", "webp"}


class OrganisationProfileForm(forms.Form):
    website = forms.URLField(label=_("Website"), required=False, max_length=200,
                             assume_scheme="https")
    description = forms.CharField(
        label=_("Description"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What your organisation does, in a few sentences (at most 2,000 "
                    "characters)."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple, choices=[],
    )
    logo = forms.FileField(
        label=_("New logo"), required=False,
        help_text=_("JPEG, PNG, GIF or WebP, at most 2 MB."),
    )
    logo_alt = forms.CharField(label=_("Name of the organisation as shown in the logo"),
                               required=False, max_length=250)

    def __init__(self, *args, **kwargs):
        from portal.models import ThemeTag

        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = [(theme.slug, theme.label)
                                         for theme in ThemeTag.objects.all()]

    def clean_logo(self):
        from portal.uploads import UploadRejected, check_image_upload

        logo = self.cleaned_data.get("logo")
        if logo:
            try:
                check_image_upload(logo, max_size=2 * 1024 * 1024)
            except UploadRejected as error:
                raise forms.ValidationError(str(error)) from error
        return logo

    def clean_themes(self):
        from portal.models import ThemeTag

        return list(ThemeTag.objects.filter(slug__in=self.cleaned_data["themes"]))


class InvitationSignupForm(forms.Form):
    """The invitee's new account: name and a password checked by Django's validators."""

    first_name = forms.CharField(label=_("First name"), max_length=150,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Last name"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    password1 = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        from django.contrib.auth.password_validation import validate_password

        from memberhub.models import User

        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            probe = User(email=self.email, first_name=cleaned.get("first_name", ""),
                         last_name=cleaned.get("last_name", ""))
            try:
                validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
