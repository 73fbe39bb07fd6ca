"""The needs board's views, routed by ``NeedsBoardPage``. Thin: the rules are in
``community.needs``; a view turns their answer into a message and a redirect."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.models import Page

from community import needs
from community.models import TrainingNeed
from community.needs_forms import NeedFilterForm, NeedForm
from community.pagination import paginate

NEEDS_PER_PAGE = 20


def board_context(page, request):
    """The board: the needs filtered and sorted from the query string, paginated, and the
    demand against the offer per theme. A fixed number of queries whatever the needs."""
    form = NeedFilterForm(request.GET)
    listed = form.filter(TrainingNeed.objects.for_board(request.user))
    return {
        "filter_form": form,
        "needs": paginate(request, listed, per_page=NEEDS_PER_PAGE),
        **_adoption(request.user),
        "demand_and_offer": needs.demand_and_offer(),
    }


def _adoption(user):
    """“Je peux animer une formation sur ce sujet” leads trainers and the team to the proposal
    form (which checks again); when it is closed, the board says so once."""
    if not needs.can_adopt(user):
        return {"adoption_url": None, "proposals_closed": False}
    url = needs.adoption_url()
    return {"adoption_url": url, "proposals_closed": url is None}


def _back(page, request):
    """To where the button was (the board with its filters), else to the board."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)  # a URL, never a view name for reverse()
    return redirect(page.get_url(request))


def _signed_in_post(request):
    """None if the request may go on; else the response that refuses it."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.POST.get("next") or request.get_full_path())
    return None


def post_need(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    status = 200
    if request.method == "POST":
        form = NeedForm(request.POST)
        if form.is_valid():
            need = needs.post_need(request.user, form.cleaned_data)
            messages.success(
                request,
                _(
                    "Thank you! Your need “%(title)s” is on the board, with your vote. "
                    "Colleagues can now say “me too”."
                )
                % {"title": need.title},
            )
            return redirect(page.get_url(request) + f"#besoin-{need.pk}")
        status = 400
    else:
        form = NeedForm()
    # The page's bare context: the form needs neither the board's needs nor its demand table.
    context = Page.get_context(page, request)
    context["form"] = form
    return TemplateResponse(request, "community/needs/post_need.html", context, status=status)


def vote(page, request, need_id):
    if refusal := _signed_in_post(request):
        return refusal
    try:
        need = needs.vote(need_id, request.user)
    except needs.NeedError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Your vote for “%(title)s” is counted.") % {"title": need.title}
        )
    return _back(page, request)


def withdraw_vote(page, request, need_id):
    if refusal := _signed_in_post(request):
        return refusal
    try:
        need = needs.withdraw_vote(need_id, request.user)
    except needs.NeedError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Your vote for “%(title)s” is withdrawn.") % {"title": need.title}
        )
    return _back(page, request)
