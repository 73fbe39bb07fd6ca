"""“Propose a workshop” and “My proposals”. The rules are in ``events.proposals``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from events import proposals
from events.forms import WorkshopProposalForm


@login_required
def propose(request):
    catalog = proposals.open_catalog()
    if catalog is None:
        # Nothing to propose to: the page says so (and nothing is created).
        return render(request, "events/propose.html", {"catalog": None}, status=404)
    if request.method == "POST":
        form = WorkshopProposalForm(request.POST)
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
            request, "events/propose.html", {"catalog": catalog, "form": form}, status=400
        )
    form = WorkshopProposalForm()
    return render(request, "events/propose.html", {"catalog": catalog, "form": form})


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
