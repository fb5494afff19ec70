import pytest
from django.core.management import call_command

from mailings.models import DeliveredItem, Mailing, Subscription
from portal.privacy import delete_account, export_personal_data

from .factories import subscribe


@pytest.mark.django_db
def test_export_and_erasure(member, lines, site_structure):
    subscribe(member, lines=[lines["dr"]], political_monitor="weekly")
    DeliveredItem.objects.create(user=member, translation_key=lines["dr"].translation_key,
                                 page=lines["dr"], channel="digest")
    data = export_personal_data(member)
    assert data["subscriptions"]["political_monitor"] == "weekly"
    assert data["subscriptions"]["follows"][0]["learning_line"] == "Digital Readiness"
    assert len(data["subscriptions_items_sent"]) == 1
    delete_account(member)
    assert not Subscription.objects.exists()
    assert not DeliveredItem.objects.exists()


@pytest.mark.django_db
def test_demo_is_idempotent_and_sends_nothing(demo):
    from django.core import mail

    assert demo.sent == []  # by the first load_demo (the demo fixture)
    counts = (Mailing.objects.count(), Subscription.objects.count())
    call_command("load_demo")
    assert (Mailing.objects.count(), Subscription.objects.count()) == counts
    assert Mailing.objects.filter(status="sent").count() == 2
    assert Mailing.objects.filter(status="draft").count() == 1
    assert Subscription.objects.filter(user__email="lid@example.org").exists()
    assert mail.outbox == []
