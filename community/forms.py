"""Forms of the community: validated on the server, working without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import Profile
from community.models.choices import LANGUAGES, FieldVisibility, Frequency
from portal.uploads import UploadRejected, check_image_upload
from portal.visibility import visible_pages


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(label=_("languages"), choices=LANGUAGES,
                                          required=False, widget=forms.CheckboxSelectMultiple)
    photo_upload = forms.FileField(
        label=_("photo"), required=False,
        help_text=_("A JPEG, PNG, GIF or WebP image of at most 10 MB."))
    remove_photo = forms.BooleanField(label=_("remove my photo"), required=False)

    class Meta:
        model = Profile
        fields = ["listed", "role", "expertise", "learning_lines", "track", "bio", "photo_alt",
                  *[f"{field}_visibility" for field in Profile.VISIBLE_FIELDS]]
        widgets = {"expertise": forms.CheckboxSelectMultiple,
                   "learning_lines": forms.CheckboxSelectMultiple,
                   **{f"{field}_visibility": forms.RadioSelect
                      for field in Profile.VISIBLE_FIELDS}}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from learninglines.models import LearningLinePage
        from portal.models import ThemeTag

        self.fields["expertise"].queryset = ThemeTag.objects.order_by("name")
        self.fields["expertise"].help_text = _("Themes from the association's list.")
        self.fields["learning_lines"].queryset = visible_pages(
            user, LearningLinePage.objects.all()).order_by("title")
        for field in Profile.VISIBLE_FIELDS:
            self.fields[f"{field}_visibility"].choices = FieldVisibility.choices
        if self.instance.pk:
            self.initial["languages"] = [lang.code for lang in self.instance.languages.all()]

    def clean_photo_upload(self):
        uploaded = self.cleaned_data.get("photo_upload")
        if uploaded:
            try:
                check_image_upload(uploaded)
            except UploadRejected as error:
                raise forms.ValidationError(str(error)) from error
        return uploaded

    def clean(self):
        cleaned = super().clean()
        has_photo = cleaned.get("photo_upload") or (self.instance.photo_id
                                                    and not cleaned.get("remove_photo"))
        if has_photo and not (cleaned.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("Describe your photo for people who cannot see "
                                          "it, e.g. “Anna smiling, in front of a "
                                          "bookcase”."))
        return cleaned


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200)
    body = forms.CharField(label=_("text"), widget=forms.Textarea(attrs={"rows": 8}),
                           max_length=10_000,
                           help_text=_("Plain text; bold, italics, lists and links are kept."))


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("your reply"), widget=forms.Textarea(attrs={"rows": 5}),
                           max_length=10_000)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200, required=False)
    file = forms.FileField(label=_("file"), help_text=_(
        "PDF, office document or plain text, at most 20 MB."))
    note = forms.CharField(label=_("what changed"), max_length=300, required=False)


class FollowForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("how you hear of new posts"), widget=forms.RadioSelect,
        choices=[*Frequency.choices, ("", _("Do not follow"))], required=False)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("e-mail address of the member"))
