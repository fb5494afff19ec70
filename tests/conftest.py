import os

import pytest
from django.contrib.auth.models import Group

from portal.visibility import EDITORS_GROUP_NAME
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

# Fixtures that add rows (people, organisations). Set up before ``site_structure`` they
# make its copy unusable (the test has written: tests/structure_copy.py), and
# ensure_site_structure then runs for real, about a second a test.
ROW_FIXTURES = {"organisation", "other_organisation", "member", "org_admin", "outsider",
                "editor", "superuser"}
# Fixtures that change what ensure_site_structure would do (settings, patched code): the
# structure is never moved ahead of one of these.
ORDER_SENSITIVE = {"settings", "monkeypatch"}


def pytest_collection_modifyitems(items):
    for item in items:
        _structure_before_rows(item)


def _structure_before_rows(item):
    """Sets up ``site_structure`` before the first fixture that adds rows, when nothing in
    between could change what it makes: the same test, with the structure's copy."""
    names = getattr(item, "fixturenames", None)
    if not names or "site_structure" not in names:
        return
    definitions = item._fixtureinfo.name2fixturedefs

    def closure(name, seen=None):
        seen = set() if seen is None else seen
        if name not in seen:
            seen.add(name)
            for argument in definitions[name][-1].argnames if name in definitions else ():
                closure(argument, seen)
        return seen

    position = names.index("site_structure")
    for index, name in enumerate(names[:position]):
        if closure(name) & ROW_FIXTURES:
            before = set().union(set(), *(closure(other) for other in names[:index]))
            moved = [other for other in names[index:position] if other not in before]
            if not any(closure(other) & ORDER_SENSITIVE for other in moved):
                names.insert(index, names.pop(position))
            return


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: menus and settings cached by an earlier
    test belong to another database state."""
    from django.core.cache import cache

    cache.clear()
    from portal.selectors import forget_locales

    forget_locales()
    from portal.languages import forget_locale_codes

    forget_locale_codes()
    yield


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: the test client leaves the language of
    its last request active in the thread, and a page's ``url`` outside a request is its
    address on the active language's site (portal/languages.py)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def database_writes():
    """Notes whether the test wrote to the database (tests/structure_copy.py)."""
    from django.db import connection

    from tests.structure_copy import WriteTracker

    tracker = WriteTracker()
    connection.execute_wrappers.append(tracker)
    yield tracker
    connection.execute_wrappers.remove(tracker)


@pytest.fixture
def site_structure(db, database_writes):
    """What portal.site_structure.ensure_site_structure makes and returns (made once per
    test process, then copied back: tests/structure_copy.py)."""
    from tests.structure_copy import site_structure

    return site_structure(database_writes)


@pytest.fixture(scope="session")
def demo_copy_directory(tmp_path_factory):
    """Where the run's processes share the demo copy: the run's temporary directory
    (under pytest-xdist the parent of each worker's own)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture
def demo(db, demo_copy_directory):
    """The content of ``manage.py load_demo`` (run once per test run, then copied back:
    tests/demo_copy.py). It replaces the whole database content, so no other data
    fixture may come before it. Its ``sent`` are the e-mails load_demo sent."""
    from tests.demo_copy import demo_content

    return demo_content("atomic", demo_copy_directory)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Stichting Alfa")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Stichting Beta")


@pytest.fixture
def member(organisation):
    return MembershipFactory(organisation=organisation).user


@pytest.fixture
def org_admin(organisation):
    return MembershipFactory(organisation=organisation, role="admin").user


@pytest.fixture
def outsider(db):
    """A logged-in user without any membership."""
    return UserFactory()


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.org")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.org", is_superuser=True, is_staff=True)


@pytest.fixture
def members_document(site_structure):
    """A document in a collection open to Members and Editors (Wagtail collection privacy)."""
    from wagtail.models import Collection, CollectionViewRestriction

    from knowledge.permissions import member_groups
    from tests.knowledge.factories import make_document

    collection = Collection.get_first_root_node().add_child(name="Alleen voor leden")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS)
    restriction.groups.set(member_groups())
    document = make_document("Besloten verslag")
    document.collection = collection
    document.save()
    return document
