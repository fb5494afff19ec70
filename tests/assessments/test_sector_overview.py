"""The editors' overview of the sector: participation and distribution per dimension,
.xlsx and CSV; no organisation's own result unless it agreed."""

import pytest
from django.urls import reverse

from assessments.models import DimensionResult, OrganisationScanSettings, Round

pytestmark = pytest.mark.django_db
URL = reverse("assessments_sector")


def test_editors_see_the_distribution_and_only_shared_results(client, site_structure, scan,
                                                              version, closed_rounds, editor,
                                                              member):
    rounds = closed_rounds(6)
    for index, round_ in enumerate(rounds):
        DimensionResult.objects.filter(round=round_, dimension_key="een").update(
            score=10 * (index + 1))
        Round.objects.filter(pk=round_.pk).update(total_score=11 + index)
    OrganisationScanSettings.objects.create(organisation=rounds[2].organisation,
                                            share_with_editors=True)
    client.force_login(editor)
    html = client.get(URL, {"scan": scan.slug}).content.decode()
    assert "<td>22</td><td>35</td><td>48</td>" in html  # quartiles of block one
    assert rounds[2].organisation.name in html and "13" in html  # it agreed
    for other in rounds[:2] + rounds[3:]:
        assert other.organisation.name not in html
    csv = client.get(URL, {"scan": scan.slug, "export": "1", "format": "csv"})
    assert csv.status_code == 200 and "Blok een;22;35;48" in csv.content.decode("utf-8-sig")
    xlsx = client.get(URL, {"scan": scan.slug, "export": "1", "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    client.force_login(member)
    assert client.get(URL).status_code in (302, 403)


def test_below_five_organisations_no_distribution(client, site_structure, scan, version,
                                                  closed_rounds, editor):
    closed_rounds(4)
    client.force_login(editor)
    html = client.get(URL, {"scan": scan.slug}).content.decode()
    assert "te weinig organisaties" in html and "<td>4</td>" in html
