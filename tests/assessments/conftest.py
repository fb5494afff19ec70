import datetime

import pytest
from django.utils import timezone

from assessments.demo import demo_round, make_scan
from tests.factories import MembershipFactory, OrganisationFactory

STEPS = [("Nee", "No"), ("Weinig", "Little"), ("Deels", "Partly"), ("Veel", "Much"),
         ("Ja", "Yes")]
SMALL_SCAN = {
    "slug": "test-scan", "kind": "quick_scan", "title": "Testscan", "title_en": "Test scan",
    "description": "", "description_en": "", "steps": STEPS,
    "dimensions": [
        {"key": "een", "title": "Blok een", "title_en": "Block one", "questions": [
            ("scale", "Vraag A", "Question A", "Uitleg A", "Explanation A"),
            ("yes_no", "Vraag B", "Question B", "", ""),
            ("choice", "Vraag C", "Question C", [("Laag", "Low", 0), ("Hoog", "High", 4)]),
        ]},
        {"key": "twee", "title": "Blok twee", "title_en": "Block two", "questions": [
            ("scale", "Vraag D", "Question D", "", ""),
        ]},
    ],
}


@pytest.fixture
def scan(db):
    return make_scan(SMALL_SCAN)


@pytest.fixture
def version(scan):
    return scan.versions.get()


def questions(version):
    from assessments.scoring import version_definition

    return version_definition(version)


@pytest.fixture
def closed_rounds(version):
    """``make(count)``: closed rounds of ``count`` new organisations (3 respondents each)."""
    def make(count, respondents=3, when=None):
        when = when or timezone.now() - datetime.timedelta(days=30)
        return [demo_round(version, OrganisationFactory(), when, respondents=respondents)
                for _ in range(count)]
    return make


@pytest.fixture
def member_b(other_organisation):
    return MembershipFactory(organisation=other_organisation).user


@pytest.fixture
def colleague(organisation):
    return MembershipFactory(organisation=organisation).user
