"""Demo content for the services desk: three questions of the demo member's organisation
(answered, being handled, just received), so /mijn/, the admin and the year-plan figures
show something. Idempotent; it sends no e-mail (the questions are stored, not asked)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from memberhub.selectors import active_memberships
from servicedesk.models import Question

QUESTIONS = [
    # (subject, category, text, days ago asked, days ago answered or None, status, answer)
    ("Arbeidscontract voor een projectmedewerker in Kenia", Question.Category.HR,
     "Welk recht geldt voor een lokaal contract van een projectmedewerker in Nairobi?", 20, 17,
     Question.Status.ANSWERED,
     "Voor een lokaal contract geldt Keniaans arbeidsrecht. Neem een proeftijd van drie "
     "maanden op en laat het contract nakijken door een lokale jurist."),
    ("Privacyverklaring voor de donateursadministratie", Question.Category.LEGAL,
     "Moet onze privacyverklaring ook de nieuwsbrief noemen?", 3, None,
     Question.Status.IN_PROGRESS, ""),
    ("Vrijwilligersvergoeding 2026", Question.Category.OTHER,
     "Wat is de maximale vrijwilligersvergoeding in 2026?", 0, None,
     Question.Status.RECEIVED, ""),
]


def load(context):
    member = get_user_model().objects.filter(email="lid@example.org").first()
    editor = get_user_model().objects.filter(email="redacteur@example.org").first()
    membership = active_memberships(member).first() if member else None
    if membership is None:
        return
    now = timezone.now()
    for subject, category, text, asked, answered, status, answer in QUESTIONS:
        if Question.objects.filter(subject=subject).exists():
            continue
        question = Question.objects.create(
            organisation=membership.organisation, asked_by=member, category=category,
            subject=subject, text=text, status=status, answer=answer,
            handled_by=editor if status != Question.Status.RECEIVED else None)
        Question.objects.filter(pk=question.pk).update(
            created_at=now - timedelta(days=asked),
            answered_at=now - timedelta(days=answered) if answered is not None else None)
