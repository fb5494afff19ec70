"""Saving a profile: the photo through the image upload checks, stored in a collection
only members (and editors) may open."""

from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from community.models import ProfileLanguage
from community.search_documents import profile_key, refresh
from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME, named_group_ids

PHOTO_COLLECTION = "Profielfoto's"


def photo_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PHOTO_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PHOTO_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS)
        restriction.groups.set(named_group_ids(MEMBERS_GROUP_NAME, EDITORS_GROUP_NAME))
    return collection


@transaction.atomic
def save_profile(user, form):
    """Save the profile form (a valid ProfileForm) with its languages and photo."""
    profile = form.save(commit=False)
    profile.user = user
    old_photo = profile.photo if profile.photo_id else None
    uploaded = form.cleaned_data.get("photo_upload")
    if uploaded:
        profile.photo = get_image_model().objects.create(
            title=f"Profielfoto {user.pk}", file=uploaded, collection=photo_collection(),
            uploaded_by_user=user)
    elif form.cleaned_data.get("remove_photo"):
        profile.photo = None
        profile.photo_alt = ""
    profile.save()
    form.save_m2m()
    codes = set(form.cleaned_data.get("languages") or [])
    profile.languages.exclude(code__in=codes).delete()
    existing = set(profile.languages.values_list("code", flat=True))
    ProfileLanguage.objects.bulk_create([ProfileLanguage(profile=profile, code=code)
                                         for code in sorted(codes - existing)])
    if old_photo is not None and old_photo.pk != profile.photo_id:
        old_photo.delete()
    refresh([profile_key(profile.pk)])
    return profile
