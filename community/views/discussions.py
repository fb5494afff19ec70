"""Threads, replies, reports, hiding, and the shared documents of a space."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from community import access, selectors
from community.forms import DocumentForm, ReasonForm, ReplyForm, ThreadForm
from community.models import Follow, Post, SharedDocument, Thread
from community.services import CommunityError
from community.services import discussions as discussion_services
from community.services.documents import add_version
from community.views import members_only
from community.views.spaces import space_or_404


@members_only
@require_http_methods(["GET", "POST"])
def new_thread(request, slug):
    space = space_or_404(request, slug)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = discussion_services.start_thread(space, request.user,
                                                      form.cleaned_data["title"],
                                                      form.cleaned_data["body"])
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your thread has been posted."))
            return redirect(thread.get_absolute_url())
    if not access.can_post(request.user, space) and request.method == "POST":
        status = 403
    else:
        status = 400 if request.method == "POST" else 200
    return render(request, "community/thread_form.html", {"space": space, "form": form},
                  status=status)


def _thread(request, slug, thread_id):
    space = space_or_404(request, slug)
    thread = get_object_or_404(Thread.objects.select_related("space"), pk=thread_id,
                               space=space)
    return space, thread


@members_only
@require_http_methods(["GET", "POST"])
def thread(request, slug, thread_id):
    space, thread = _thread(request, slug, thread_id)
    moderator = access.can_moderate(request.user, space)
    if thread.is_hidden and not moderator:
        raise Http404
    form = ReplyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                post = discussion_services.reply(thread, request.user, form.cleaned_data["body"])
            except CommunityError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your reply has been posted."))
                return redirect(f"{thread.get_absolute_url()}#post-{post.pk}")
        status = 400
    follow = Follow.objects.filter(user=request.user, thread=thread).first()
    return render(request, "community/thread.html", {
        "space": space, "thread": thread, "posts": selectors.posts(thread), "form": form,
        "moderator": moderator, "can_post": access.can_post(request.user, space),
        "follow": follow, "reason_form": ReasonForm(),
    }, status=status)


def _post(request, slug, post_id):
    space = space_or_404(request, slug)
    return space, get_object_or_404(Post.objects.select_related("thread__space"),
                                    pk=post_id, thread__space=space)


@members_only
@require_POST
def report(request, slug, post_id):
    space, post = _post(request, slug, post_id)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise CommunityError(_("Say briefly what is wrong with this post."))
        discussion_services.report(post, request.user, form.cleaned_data["reason"])
    except CommunityError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you. The coordinators will look at this post."))
    return redirect(f"{post.thread.get_absolute_url()}#post-{post.pk}")


@members_only
@require_POST
def hide(request, slug, post_id):
    space, post = _post(request, slug, post_id)
    if not access.can_moderate(request.user, space):
        raise Http404
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise CommunityError(_("Say why you hide this post."))
        discussion_services.hide(post, request.user, form.cleaned_data["reason"])
    except CommunityError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The post has been hidden."))
    return redirect(f"{post.thread.get_absolute_url()}#post-{post.pk}")


@members_only
@require_POST
def follow_thread(request, slug, thread_id):
    _space, thread = _thread(request, slug, thread_id)
    from community.services.notifications import set_follow

    frequency = request.POST.get("frequency") or None
    if frequency not in (None, "site", "immediately", "weekly"):
        frequency = "site"
    set_follow(request.user, thread=thread, frequency=frequency)
    messages.success(request, _("Your choice has been saved."))
    return redirect(thread.get_absolute_url())


@members_only
@require_http_methods(["GET", "POST"])
def upload_document(request, slug, document_id=None):
    space = space_or_404(request, slug)
    shared = None
    if document_id is not None:
        shared = get_object_or_404(SharedDocument, pk=document_id, space=space)
    form = DocumentForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                add_version(space, request.user, form.cleaned_data["file"],
                            title=form.cleaned_data["title"], shared=shared,
                            note=form.cleaned_data["note"])
            except CommunityError as error:
                form.add_error("file", error.message)
            else:
                messages.success(request, _("The document has been shared with the group."))
                return redirect("community:space", slug=space.slug)
        status = 400
    return render(request, "community/document_form.html", {
        "space": space, "form": form, "shared": shared,
        "versions": shared.versions.select_related("document", "uploaded_by")
        if shared else []}, status=status)
