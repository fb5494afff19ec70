import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TEST_PASSWORD


@pytest.fixture
def throttling(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


@pytest.mark.django_db
def test_security_headers_on_public_pages(client, site_structure):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] in ("SAMEORIGIN", "DENY")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'self'" in csp


@pytest.mark.django_db
def test_login_is_locked_after_repeated_failures_per_account(client, site_structure, member,
                                                              throttling):
    for _ in range(3):
        client.post("/accounts/login/", {"username": member.email, "password": "fout"})
    response = client.post("/accounts/login/",
                           {"username": member.email.upper(), "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "Te veel mislukte" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_is_locked_per_address_across_accounts(client, site_structure, throttling):
    for number in range(3):
        client.post("/accounts/login/", {"username": f"x{number}@example.org",
                                         "password": "fout"})
    response = client.post("/accounts/login/", {"username": "y@example.org", "password": "x"})
    assert response.status_code == 429


@pytest.mark.django_db
def test_admin_login_is_throttled_too(client, site_structure, editor, throttling):
    for _ in range(3):
        client.post("/admin/login/", {"username": editor.email, "password": "fout"})
    response = client.post("/admin/login/", {"username": editor.email,
                                             "password": TEST_PASSWORD})
    assert response.status_code == 429


@pytest.mark.django_db
def test_editors_need_a_second_factor_for_the_admin(client, site_structure, editor, settings):
    settings.PORTAL_REQUIRE_2FA = True
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/")

    setup = client.get(response["Location"])
    assert setup.status_code == 200
    html = setup.content.decode()
    assert "data:image/svg+xml" in html and "Tweestapsverificatie" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post("/accounts/2fa/?next=/admin/", {"token": "000000"})
    assert wrong.status_code == 200 and "niet juist" in wrong.content.decode()
    # django-otp throttles the next try after a failure; a person waits, the test resets.
    device.refresh_from_db()
    device.throttle_reset()
    token = str(totp(device.bin_key, step=device.step, t0=device.t0,
                     digits=device.digits)).zfill(6)
    response = client.post("/accounts/2fa/?next=/admin/", {"token": token})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_2fa_redirect_never_goes_to_another_host(client, site_structure, editor, settings):
    settings.PORTAL_REQUIRE_2FA = True
    client.force_login(editor)
    client.get("/accounts/2fa/")
    device = TOTPDevice.objects.get(user=editor)
    token = str(totp(device.bin_key, step=device.step, t0=device.t0,
                     digits=device.digits)).zfill(6)
    response = client.post("/accounts/2fa/?next=https://evil.example/", {"token": token})
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_members_do_not_need_a_second_factor(client, site_structure, member, settings):
    settings.PORTAL_REQUIRE_2FA = True
    client.force_login(member)
    response = client.get("/admin/")
    assert not response.get("Location", "").startswith("/accounts/2fa/")
