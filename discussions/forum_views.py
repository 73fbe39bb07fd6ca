"""The forum “Entre formateurs”, routed by ``ForumPage``: the topic list, a new topic, a
topic with its replies. The rules are in ``discussions.services``; the actions on a topic
(reply, accept, follow…) post to ``discussions.views``.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from community.pagination import paginate
from community.profiles import public_name
from discussions import display, services
from discussions.forms import ReplyForm, TopicFilterForm, TopicForm, add_refusal
from discussions.models import Thread, ThreadKind
from discussions.views import posted

TOPICS_PER_PAGE = 20


def forum_topics(forum):
    return (
        Thread.objects.topics()
        .shown()
        .filter(page_id=forum.pk)
        .select_related("author__profile", "theme")
        .prefetch_related("tags")
    )


def sorted_topics(topics, unanswered_first=False):
    """Latest activity first; topics without a reply before the others on request."""
    if unanswered_first:
        answered = Case(
            When(reply_count=0, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        topics = topics.annotate(answered=answered)
        return topics.order_by("answered", "-last_activity_at", "-pk")
    return topics.by_latest_activity()


def topic_list(forum, request):
    form = TopicFilterForm(request.GET)
    values = form.valid_values()
    topics = forum_topics(forum)
    if values.get("theme"):
        topics = topics.filter(theme=values["theme"])
    page_obj = paginate(
        request,
        sorted_topics(topics, values.get("unanswered_first")),
        per_page=TOPICS_PER_PAGE,
    )
    for topic in page_obj:
        topic.url = display.topic_url(forum, topic, request)
        topic.shown_author = public_name(topic.author) if topic.author_id else None
    context = forum.get_context(request)
    context.update(
        filter_form=form,
        topics=page_obj,
        can_post=services.can_post(request.user),
        new_topic_url=forum.get_url(request) + forum.reverse_subpage("new_topic"),
    )
    return TemplateResponse(request, "discussions/forum_page.html", context)


def new_topic(forum, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = TopicForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = services.start_thread(
                author=request.user,
                page=forum,
                kind=ThreadKind.TOPIC,
                title=data["title"],
                body=data["body"],
                theme=data["theme"],
                tags=data["tags"],
            )
        except services.DiscussionError as error:
            add_refusal(form, error)
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your topic is published."))
            return redirect(display.topic_url(forum, thread, request))
    context = forum.get_context(request)
    context["form"] = form
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "discussions/new_topic.html", context, status=status)


def accepted_first(replies, thread):
    """The accepted answer leads the replies; the others keep their order."""
    accepted = [reply for reply in replies if reply.pk == thread.accepted_answer_id]
    return accepted + [reply for reply in replies if reply.pk != thread.accepted_answer_id]


def topic_detail(forum, request, thread_id):
    thread = (
        forum_topics(forum)
        .prefetch_related(Prefetch("messages", queryset=display.messages_shown()))
        .filter(pk=thread_id)
        .first()
    )
    if thread is None:
        raise Http404
    reader, (thread,) = display.prepare_threads([thread], request)
    thread.shown_replies = accepted_first(thread.shown_replies, thread)
    context = forum.get_context(request)
    context.update(
        thread=thread,
        reader=reader,
        reply_form=ReplyForm(),
        forum_url=forum.get_url(request),
    )
    return TemplateResponse(request, "discussions/topic_page.html", context)
