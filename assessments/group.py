"""Group rounds of the Power Awareness Tool (issue 16, item 5): a member opens a round
for their own organisation; partners without an account open it with the link or the
short code and answer once each, anonymously, until it closes.

A participant is known only by a random value in a cookie of their browser; the database
keeps a digest of it salted with the round's token, nothing else about them. Every
action either does all it says or nothing, and raises ValidationError with a message."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import scoring
from assessments.models import GroupAnswer, GroupParticipant, GroupRound, Scan
from assessments.permissions import is_member_of
from assessments.selectors import current_version
from portal.ratelimit import client_address, count_hit, hits_so_far

MINIMUM_FOR_PICTURE = 3  # the combined picture shows from this many participants
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to type
CODE_LENGTH = 6
COOKIE_NAME = "scan_participant"
COOKIE_SECONDS = 30 * 24 * 3600
DURATIONS = (1, 2, 4, 24, 72, 168)  # hours a round may stay open
LOOKUP_PREFIX = "assessments:group-lookup"


def allows_group_rounds(scan):
    """Only the Power Awareness Tool is taken in group mode."""
    return scan.active and scan.kind == Scan.Kind.POWER


def normalise_code(raw):
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:CODE_LENGTH + 4]


def _new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@transaction.atomic
def open_group_round(user, scan, organisation, hours, title=""):
    if organisation is None or not is_member_of(user, organisation.pk):
        raise ValidationError(_("You can only open a group round for an organisation you "
                                "are a member of."))
    if not allows_group_rounds(scan):
        raise ValidationError(_("This scan cannot be taken in group mode."))
    if hours not in DURATIONS:
        raise ValidationError(_("Choose one of the closing times offered."))
    version = current_version(scan)
    if version is None or scoring.question_count(scoring.version_definition(version)) == 0:
        raise ValidationError(_("This scan has no questions yet, so it cannot be taken."))
    now = timezone.now()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return GroupRound.objects.create(
                    scan=scan, version=version, organisation=organisation, facilitator=user,
                    title=title[:120], token=secrets.token_urlsafe(24), code=_new_code(),
                    opened_at=now, closes_at=now + timedelta(hours=hours))
        except IntegrityError:  # the same code drawn twice: draw again
            continue
    raise ValidationError(_("No code could be made; try again."))


def may_close(user, group_round):
    from memberhub.permissions import is_org_admin

    return user.is_authenticated and (group_round.facilitator_id == user.pk
                                      or is_org_admin(user, group_round.organisation))


@transaction.atomic
def close_group_round(user, group_round):
    group_round = GroupRound.objects.select_for_update().get(pk=group_round.pk)
    if not may_close(user, group_round):
        raise ValidationError(_("Only the facilitator or an admin of the organisation can "
                                "close this round."))
    if group_round.is_open:
        group_round.closed_at = timezone.now()
        group_round.save(update_fields=["closed_at"])
    return group_round


# --- Participants -----------------------------------------------------------------------


class Refused(Exception):
    """A participant's request that cannot be served; ``status`` for the answer."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


def _limit(name, default):
    return getattr(settings, name, default)


def check_lookup_rate(request):
    """Wrong codes and links are counted per client; too many in a while are refused."""
    tries, _seconds = _limit("ASSESSMENTS_GROUP_LOOKUP_LIMIT", (20, 600))
    if hits_so_far(LOOKUP_PREFIX, client_address(request)) >= tries:
        raise Refused(_("Too many wrong codes or links from your connection. Wait ten "
                        "minutes and try again."), 429)


def _count_failure(request):
    tries, seconds = _limit("ASSESSMENTS_GROUP_LOOKUP_LIMIT", (20, 600))
    count_hit(LOOKUP_PREFIX, client_address(request), seconds)


def round_for_code(request, raw_code):
    """The open round with this code; Refused (clear message) otherwise."""
    check_lookup_rate(request)
    code = normalise_code(raw_code)
    found = GroupRound.objects.filter(code=code).first() if code else None
    if found is None:
        _count_failure(request)
        raise Refused(_("No group round has this code. Check the code with your "
                        "facilitator and type it again."), 404)
    if not found.is_open:
        raise Refused(_("This group round has closed: answers are no longer accepted."), 410)
    return found


def round_for_token(request, token):
    check_lookup_rate(request)
    found = GroupRound.objects.select_related("scan", "version", "organisation").filter(
        token=token).first() if 20 <= len(token) <= 64 else None
    if found is None:
        _count_failure(request)
        raise Refused(_("This link does not open a group round. Check the link, or type "
                        "the code you were given."), 404)
    return found


def participant_value(request):
    value = request.COOKIES.get(COOKIE_NAME, "")
    return value if 30 <= len(value) <= 64 and value.replace("-", "").replace(
        "_", "").isalnum() else ""


def new_participant_value():
    return secrets.token_urlsafe(32)


def participant_digest(group_round, value):
    return hashlib.sha256(f"{group_round.token}:{value}".encode()).hexdigest()


def has_answered(group_round, value):
    return bool(value) and GroupParticipant.objects.filter(
        group_round=group_round, key_digest=participant_digest(group_round, value)).exists()


def check_answer_rate(request, group_round):
    tries, seconds = _limit("ASSESSMENTS_GROUP_ANSWER_LIMIT", (60, 600))
    if count_hit(f"assessments:group-answer:{group_round.pk}", client_address(request),
                 seconds) > tries:
        raise Refused(_("Very many answers came from your connection in a short time. "
                        "Wait ten minutes and try again."), 429)


@transaction.atomic
def submit_group_answers(group_round, value, answers):
    """Keep one participant's answers ({question key: (value, not_applicable)}), all or
    nothing; a closed round, a second answer or a foreign question is refused."""
    group_round = GroupRound.objects.select_for_update().get(pk=group_round.pk)
    if not group_round.is_open:
        raise Refused(_("This group round has closed: answers are no longer accepted."), 410)
    if not value:
        raise Refused(_("Your browser did not keep the cookie this round needs to count "
                        "each person once. Allow cookies for this site and send your "
                        "answers again."), 400)
    known = {question.key for item in scoring.version_definition(group_round.version)
             for question in item.questions}
    if set(answers) - known or None in answers.values():
        raise Refused(_("These answers do not fit the questions of this round; nothing was "
                        "saved."), 400)
    maximum = _limit("ASSESSMENTS_GROUP_MAX_PARTICIPANTS", 250)
    if GroupParticipant.objects.filter(group_round=group_round).count() >= maximum:
        raise Refused(_("This group round has reached its largest number of participants."),
                      409)
    try:
        with transaction.atomic():
            participant = GroupParticipant.objects.create(
                group_round=group_round, key_digest=participant_digest(group_round, value))
    except IntegrityError:
        raise Refused(already_answered_message(), 409) from None
    GroupAnswer.objects.bulk_create([
        GroupAnswer(participant=participant, question_key=key,
                    value=None if not_applicable else given, not_applicable=not_applicable)
        for key, (given, not_applicable) in answers.items()])
    return participant


def already_answered_message():
    return _("You have already answered in this group round. Each participant answers "
             "once; thank you for taking part.")
