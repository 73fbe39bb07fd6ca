"""Actions on questions, comments and replies: thin views that call ``discussions.services``
and turn their answer into a French message and a redirect to the message on its page.

GET shows a full-page form (editing, reporting, deleting, or a form sent back with errors),
so every action works without JavaScript. A thread that the reader may not see (hidden, or on
a page that is not published or is restricted) is a 404, as is an unknown id.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from discussions import display, services, text
from discussions.forms import (
    EditForm,
    FollowForm,
    ReplyForm,
    ReportForm,
    ThreadForm,
    add_refusal,
)
from discussions.models import Delivery, Message, Thread, ThreadKind

# ---------------------------------------------------------------------------------------------
# What a reader may reach


def visible_thread(thread_id):
    """The thread if anyone may read it; else 404 (unknown, hidden, or its page not shown)."""
    thread = get_object_or_404(Thread.objects.shown().select_related("page"), pk=thread_id)
    if not display.page_is_visible(thread.page_id):
        raise Http404
    return thread


def visible_message(message_id):
    """The message if anyone may read it (not hidden, in a visible thread); else 404."""
    message = get_object_or_404(
        Message.objects.not_hidden().select_related("thread__page", "author"), pk=message_id
    )
    if message.thread.is_hidden or not display.page_is_visible(message.thread.page_id):
        raise Http404
    return message


def sign_in_first(request, back_to):
    """Anonymous visitors are sent to sign in, then back to the page they were on."""
    return redirect_to_login(back_to if request.method == "POST" else request.get_full_path())


def posted(request):
    """The form's data on POST (even empty, so that it shows its errors), else None."""
    return request.POST if request.method == "POST" else None


def form_page(request, template, context, status=200):
    return TemplateResponse(request, f"discussions/{template}", context, status=status)


def refused(request, form, error):
    """A service said no: the reason in French, on the form and at the top of the page."""
    add_refusal(form, error)
    messages.error(request, " ".join(error.messages))


# ---------------------------------------------------------------------------------------------
# Posting


@require_http_methods(["GET", "POST"])
def start_thread(request, page_id):
    """A question or a comment on a content page (the page's own form posts here)."""
    page = get_object_or_404(display.visible_pages(), pk=page_id)
    if not request.user.is_authenticated:
        return sign_in_first(request, page.get_url(request) + "#discussion")
    form = ThreadForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.start_thread(
                author=request.user,
                page=page,
                kind=form.cleaned_data["kind"],
                body=form.cleaned_data["body"],
            )
        except services.DiscussionError as error:
            refused(request, form, error)
        else:
            if thread.kind == ThreadKind.QUESTION:
                messages.success(request, _("Your question is published."))
            else:
                messages.success(request, _("Your comment is published."))
            return redirect(display.thread_url(thread, request))
    status = 400 if request.method == "POST" else 200
    return form_page(request, "thread_form.html", {"page": page, "form": form}, status)


@require_http_methods(["GET", "POST"])
def reply(request, thread_id):
    thread = visible_thread(thread_id)
    if not request.user.is_authenticated:
        return sign_in_first(request, display.thread_url(thread, request))
    form = ReplyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            message = services.reply(
                author=request.user, thread=thread, body=form.cleaned_data["body"]
            )
        except services.DiscussionError as error:
            refused(request, form, error)
        else:
            messages.success(request, _("Your reply is published."))
            return redirect(display.message_url(message, request))
    status = 400 if request.method == "POST" else 200
    context = {"thread": thread, "form": form, "back_url": display.thread_url(thread, request)}
    return form_page(request, "reply_form.html", context, status)


# ---------------------------------------------------------------------------------------------
# The author's own message


def _author_only(request, message):
    """Someone else's message is not theirs to change: 403."""
    if message.author_id != request.user.pk:
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def edit(request, message_id):
    message = visible_message(message_id)
    back_url = display.message_url(message, request)
    if not request.user.is_authenticated:
        return sign_in_first(request, back_url)
    _author_only(request, message)
    thread = message.thread
    with_title = thread.is_topic and message.is_opening
    if request.method == "GET" and not services.can_edit(request.user, message):
        messages.error(request, _("This message can no longer be edited."))
        return redirect(back_url)
    initial = {"body": message.body, "title": thread.title}
    form = EditForm(posted(request), initial=initial, with_title=with_title)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_message(
                user=request.user,
                message=message,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title") if with_title else None,
            )
        except services.DiscussionError as error:
            refused(request, form, error)
        else:
            messages.success(request, _("Your message is updated."))
            return redirect(display.message_url(message, request))
    status = 400 if request.method == "POST" else 200
    context = {
        "message": message,
        "thread": thread,
        "form": form,
        "back_url": back_url,
        "edit_minutes": int(settings.DISCUSSIONS_EDIT_WINDOW.total_seconds() // 60),
    }
    return form_page(request, "edit_form.html", context, status)


@require_http_methods(["GET", "POST"])
def delete(request, message_id):
    message = visible_message(message_id)
    back_url = display.message_url(message, request)
    if not request.user.is_authenticated:
        return sign_in_first(request, back_url)
    _author_only(request, message)
    if request.method == "POST":
        try:
            services.delete_message(user=request.user, message=message)
        except services.DiscussionError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your message is deleted."))
        return redirect(back_url)
    if message.is_deleted:
        return redirect(back_url)
    context = {"message": message, "message_html": text.render(message.body), "back_url": back_url}
    return form_page(request, "delete_confirm.html", context)


# ---------------------------------------------------------------------------------------------
# Reporting, helpful answers, accepted answers


@require_http_methods(["GET", "POST"])
def report(request, message_id):
    message = visible_message(message_id)
    back_url = display.message_url(message, request)
    if not request.user.is_authenticated:
        return sign_in_first(request, back_url)
    if request.method == "GET" and not services.can_report(request.user, message):
        # No form that could only be refused: one's own message, or reported already.
        messages.error(
            request,
            _("You cannot report this message: it is your own, or you have already reported it."),
        )
        return redirect(back_url)
    form = ReportForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.report(
                reporter=request.user,
                message=message,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except services.DiscussionError as error:
            refused(request, form, error)
        else:
            messages.success(
                request,
                _("Thank you. The training team will review this message."),
            )
            return redirect(back_url)
    status = 400 if request.method == "POST" else 200
    context = {
        "message": message,
        "message_html": text.render(message.body),
        "form": form,
        "back_url": back_url,
    }
    return form_page(request, "report_form.html", context, status)


def _post_action(request, url, action, done):
    """Run a one-click action for a signed-in person; its refusal or ``done`` as message."""
    if not request.user.is_authenticated:
        return redirect_to_login(url)
    try:
        action()
    except services.DiscussionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(url)


@require_POST
def mark_helpful(request, message_id, helpful=True):
    message = visible_message(message_id)
    return _post_action(
        request,
        display.message_url(message, request),
        lambda: services.mark_helpful(user=request.user, message=message, helpful=helpful),
        _("The reply is marked as helpful.") if helpful else _("The “helpful” mark is removed."),
    )


@require_POST
def accept(request, message_id):
    message = visible_message(message_id)
    return _post_action(
        request,
        display.message_url(message, request),
        lambda: services.accept_answer(user=request.user, thread=message.thread, message=message),
        _("This reply is now the accepted answer."),
    )


@require_POST
def clear_accepted(request, thread_id):
    thread = visible_thread(thread_id)
    return _post_action(
        request,
        display.thread_url(thread, request),
        lambda: services.accept_answer(user=request.user, thread=thread, message=None),
        _("The topic no longer has an accepted answer."),
    )


# ---------------------------------------------------------------------------------------------
# Following


@require_POST
def follow(request, thread_id):
    thread = visible_thread(thread_id)
    form = FollowForm(request.POST)
    delivery = form.cleaned_data["delivery"] if form.is_valid() else Delivery.IMMEDIATE
    if delivery == Delivery.DAILY:
        done = _("You follow this discussion: new replies will reach you in a daily digest.")
    else:
        done = _("You follow this discussion: each new reply will reach you by e-mail.")
    return _post_action(
        request,
        display.thread_url(thread, request),
        lambda: services.follow(user=request.user, thread=thread, delivery=delivery),
        done,
    )


@require_POST
def unfollow(request, thread_id):
    thread = visible_thread(thread_id)
    return _post_action(
        request,
        display.thread_url(thread, request),
        lambda: services.unfollow(user=request.user, thread=thread),
        _("You no longer follow this discussion."),
    )
