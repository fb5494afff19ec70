"""Editors define scans in the Wagtail admin; a version in use is never changed in place:
saving it makes a new version (and results keep the old one)."""

import pytest
from django.urls import reverse

from assessments.demo import make_scan
from assessments.models import Round, ScanVersion
from portal.visibility import EDITORS_GROUP_NAME
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SPEC = {"slug": "klein", "kind": "integrity", "title": "Klein", "title_en": "", "steps": [],
        "description": "", "description_en": "",
        "dimensions": [{"key": "een", "title": "Een", "title_en": "One", "questions": [
            ("yes_no", "Oude vraag", "Old question", "", "")]}]}


def edit_data(version, question_text):
    dimension = version.dimensions.get()
    question = dimension.questions[0]
    level_rows = list(version.levels.all())
    data = {"scan": version.scan_id, "note": "Aangepast",
            "levels-TOTAL_FORMS": len(level_rows), "levels-INITIAL_FORMS": len(level_rows),
            "levels-MIN_NUM_FORMS": 1, "levels-MAX_NUM_FORMS": 1000,
            "dimensions-TOTAL_FORMS": 1, "dimensions-INITIAL_FORMS": 1,
            "dimensions-MIN_NUM_FORMS": 0, "dimensions-MAX_NUM_FORMS": 1000}
    for index, level in enumerate(level_rows):
        data.update({f"levels-{index}-id": level.pk, f"levels-{index}-ORDER": index + 1,
                     f"levels-{index}-number": level.number,
                     f"levels-{index}-min_score": level.min_score,
                     f"levels-{index}-name": level.name, f"levels-{index}-name_en": level.name_en,
                     f"levels-{index}-description": "", f"levels-{index}-description_en": ""})
    prefix = "dimensions-0-"
    data.update({prefix + "id": dimension.pk, prefix + "ORDER": 1, prefix + "key": "een",
                 prefix + "weight": "1.0", prefix + "title": "Een", prefix + "title_en": "One",
                 prefix + "description": "", prefix + "description_en": "",
                 prefix + "learning_line": "", prefix + "recommend_below": 75,
                 prefix + "advice-count": 0, prefix + "recommendations-count": 0,
                 prefix + "questions-count": 1, prefix + "questions-0-type": "yes_no",
                 prefix + "questions-0-deleted": "", prefix + "questions-0-order": 0,
                 prefix + "questions-0-id": question.id,
                 prefix + "questions-0-value-text": question_text,
                 prefix + "questions-0-value-text_en": "Old question",
                 prefix + "questions-0-value-explanation": "",
                 prefix + "questions-0-value-explanation_en": "",
                 prefix + "questions-0-value-weight": "1.0",
                 prefix + "questions-0-value-yes_is_positive": "on"})
    return data


def edit_url(version):
    return reverse("wagtailsnippets_assessments_scanversion:edit", args=[version.pk])


def test_a_version_without_rounds_is_edited_in_place(client, site_structure, editor):
    version = make_scan(SPEC).versions.get()
    client.force_login(editor)
    assert client.get(edit_url(version)).status_code == 200
    response = client.post(edit_url(version), edit_data(version, "Nieuwe vraag"))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ScanVersion.objects.count() == 1
    assert version.dimensions.get().questions[0].value["text"] == "Nieuwe vraag"


def test_a_version_in_use_makes_a_new_version_and_the_old_stays(client, site_structure,
                                                                editor):
    version = make_scan(SPEC).versions.get()
    key = version.dimensions.get().questions[0].id
    Round.objects.create(scan=version.scan, version=version, organisation=OrganisationFactory())
    client.force_login(editor)
    response = client.post(edit_url(version), edit_data(version, "Nieuwe vraag"), follow=True)
    assert response.status_code == 200
    assert "opgeslagen als versie 2" in response.content.decode()
    old, new = ScanVersion.objects.order_by("number")
    assert old.pk == version.pk and new.number == 2
    assert old.dimensions.get().questions[0].value["text"] == "Oude vraag"
    assert new.dimensions.get().questions[0].value["text"] == "Nieuwe vraag"
    assert new.dimensions.get().questions[0].id == key  # same key: answers compare
    assert new.levels.count() == old.levels.count() == 4
    assert Round.objects.get().version_id == old.pk


def test_editors_manage_definitions_but_never_see_answers(client, site_structure, editor,
                                                         member):
    from django.contrib.auth.models import Permission

    codenames = set(Permission.objects.filter(group__name=EDITORS_GROUP_NAME,
                                              content_type__app_label="assessments")
                    .values_list("codename", flat=True))
    assert {"change_scan", "add_scanversion", "change_scanversion"} <= codenames
    assert not {name for name in codenames if "response" in name or "answer" in name
                or "round" in name or "result" in name}
    client.force_login(member)
    assert client.get(reverse("wagtailsnippets_assessments_scan:list")).status_code in (302,
                                                                                         403)
