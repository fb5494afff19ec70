"""Signed unsubscribe links: every e-mail carries one, and it works without a login
(the signature is the proof)."""

from django.core import signing

from mailings.links import portal_url

TOKEN_SALT = "mailings.unsubscribe"  # noqa: S105  # nosec B105 (a salt, not a secret)
TOKEN_VERSION = 1


class Scope:
    MAILING = "mailing"          # the member mailing
    MONITOR = "monitor"          # the political monitor
    DIGEST = "digest"            # everything weekly
    IMMEDIATELY = "immediately"  # every immediate notification

    ALL = (MAILING, MONITOR, DIGEST, IMMEDIATELY)


class InvalidToken(Exception):
    pass


def make_unsubscribe_token(user, scope):
    return signing.dumps({"v": TOKEN_VERSION, "u": user.pk, "s": scope}, salt=TOKEN_SALT)


def read_unsubscribe_token(token):
    """(user, scope) from a token; InvalidToken when forged, tampered, of an unknown
    version or for an account that no longer exists."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or data.get("v") != TOKEN_VERSION \
            or data.get("s") not in Scope.ALL:
        raise InvalidToken
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        raise InvalidToken
    return user, data["s"]


def unsubscribe_urls(user, scope, language):
    token = make_unsubscribe_token(user, scope)
    return (portal_url("mailings:unsubscribe", language, token=token),
            portal_url("mailings:unsubscribe_one_click", language, token=token))


def unsubscribe_headers(one_click_url):
    """RFC 8058: mail clients offer a one-click unsubscribe that POSTs to this URL."""
    return {"List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
