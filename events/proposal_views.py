"""“Propose a workshop” and “My proposals”. The rules are in ``events.proposals``."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community import needs
from events import need_answers, proposals
from events.forms import WorkshopProposalForm


@login_required
def propose(request):
    catalog = proposals.open_catalog()
    if catalog is None:
        # Nothing to propose to: the page says so (and nothing is created).
        return render(request, "events/propose.html", {"catalog": None}, status=404)
    # ``?need=<id>``: a trainer adopts a training need (see ``events.need_answers``).
    need = None
    if request.GET.get("need"):
        try:
            need = needs.need_to_adopt(request.user, request.GET["need"])
        except needs.NeedError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return redirect(need_answers.board_url())
    if request.method == "POST":
        form = WorkshopProposalForm(request.POST)
        if form.is_valid() and need is not None:
            try:
                propose = partial(
                    proposals.propose_workshop, request.user, form.cleaned_data, catalog=catalog
                )
                need = needs.adopt(need.pk, request.user, propose)
            except needs.NeedError as refusal:  # adopted by someone else meanwhile
                messages.error(request, " ".join(refusal.messages))
                return redirect(need_answers.board_url())
            messages.success(
                request,
                _(
                    "Thank you! Your proposal “%(title)s” answers the need “%(need)s”: it is "
                    "with the training team, and the need shows that you adopted it."
                )
                % {"title": need.proposal.title, "need": need.title},
            )
            return redirect("events:my_proposals")
        if form.is_valid():
            page = proposals.propose_workshop(request.user, form.cleaned_data, catalog=catalog)
            messages.success(
                request,
                _(
                    "Thank you! Your proposal “%(title)s” is with the training team. "
                    "You will get their answer by e-mail."
                )
                % {"title": page.title},
            )
            return redirect("events:my_proposals")
        return render(
            request,
            "events/propose.html",
            {"catalog": catalog, "form": form, "need": need},
            status=400,
        )
    form = WorkshopProposalForm(initial=need_answers.initial_proposal(need) if need else None)
    return render(request, "events/propose.html", {"catalog": catalog, "form": form, "need": need})


@login_required
def my_proposals(request):
    return render(
        request,
        "events/my_proposals.html",
        {
            "proposals": proposals.proposals_of(request.user),
            "catalog": proposals.open_catalog(),
        },
    )
