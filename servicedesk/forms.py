from django import forms
from django.utils.translation import gettext_lazy as _

from portal.uploads import MAX_DOCUMENT_SIZE, UploadRejected, check_document_upload
from servicedesk.models import Question


class QuestionForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("For organisation"), coerce=int,
                                          choices=[])
    category = forms.ChoiceField(label=_("Subject area"), choices=Question.Category.choices,
                                 widget=forms.RadioSelect)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(label=_("Your question"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 8}))
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = _(
            "A PDF, an office document or plain text, at most %(size)s MB.") % {
            "size": MAX_DOCUMENT_SIZE // (1024 * 1024)}
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.fields["organisation"].choices = [(pk, organisation.name) for pk, organisation
                                               in self.organisations.items()]
        if len(self.organisations) == 1:
            self.fields["organisation"].initial = next(iter(self.organisations))

    def clean_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        if uploaded:
            try:
                check_document_upload(uploaded)
            except UploadRejected as error:
                raise forms.ValidationError(str(error)) from error
        return uploaded

    def _post_clean(self):
        """Tie each error to its field for screen readers (the help text is tied by
        Django itself)."""
        super()._post_clean()
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described = [f"{bound.auto_id}_error"]
                if self.fields[name].help_text:
                    described.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(described)
