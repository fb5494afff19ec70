"""The demo shows the services desk: the demo member follows their organisation's
questions on /mijn/, a question's answer time is counted, nothing was e-mailed."""

import pytest
from django.core.management import call_command

from portal.models import QueuedEmail
from servicedesk.models import Question


@pytest.mark.django_db
def test_the_demo_member_follows_the_demo_questions(client, demo):
    questions = list(Question.objects.order_by("created_at"))
    assert [question.status for question in questions] == ["answered", "in_progress",
                                                           "received"]
    assert questions[0].working_days_to_answer is not None
    call_command("load_demo")  # idempotent
    assert Question.objects.count() == 3
    assert client.login(username="lid@example.org", password="Demo-lid-2026")
    mijn = client.get("/mijn/").content.decode()
    assert "Vrijwilligersvergoeding 2026" in mijn and "In behandeling" in mijn
    assert not QueuedEmail.objects.filter(category="servicedesk").exists()
    assert not any("Vraag ontvangen" in subject for subject, _to in demo.sent)
