"""The member's side of the shared services desk: ask a question for one's organisation,
follow it, and download its attachment. Nothing here trusts the browser for who acts:
the organisation is checked in the service and every question read asks the rule of
servicedesk.permissions. Everything is private (never cached, a 404 for anyone else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.media_views import refuse
from servicedesk import services
from servicedesk.forms import QuestionForm
from servicedesk.models import Question
from servicedesk.permissions import can_see_question, organisations_asking_for


def _question_or_404(request, question_id):
    question = Question.objects.select_related("organisation").filter(pk=question_id).first()
    if question is None or not can_see_question(request.user, question):
        raise Http404
    return question


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def ask(request):
    organisations = organisations_asking_for(request.user)
    if not organisations:
        return render(request, "servicedesk/no_organisation.html", status=403)
    form = QuestionForm(request.POST or None, request.FILES or None,
                        organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            question = services.ask_question(
                user=request.user, organisation=data["organisation"],
                category=data["category"], subject=data["subject"], text=data["text"],
                attachment=data.get("attachment"))
        except services.ServiceDeskError as error:
            form.add_error("organisation", str(error))
        else:
            messages.success(request, _("Your question has been sent. You will get an "
                                        "e-mail at each step."))
            return redirect("servicedesk:detail", question.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "servicedesk/ask.html", {"form": form}, status=status)


@never_cache
@login_required
def detail(request, question_id):
    question = _question_or_404(request, question_id)
    return render(request, "servicedesk/detail.html", {"question": question})


@never_cache
def attachment(request, question_id):
    if not request.user.is_authenticated:
        return refuse(request)
    question = _question_or_404(request, question_id)
    if not question.attachment:
        raise Http404
    response = FileResponse(question.attachment.open("rb"), as_attachment=True,
                            filename=question.attachment_name or "bijlage")
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_cache=True)
    return response
