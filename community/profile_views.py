"""Views of the profiles: the trainer directory and a person's page (routes of
``TrainerDirectoryPage``), “Edit my profile”, and the privacy pages under ``/mon-profil/``.

The rules are in ``community.profiles`` and ``community.privacy``; a view turns their answers
into pages and messages.
"""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from community import privacy, profiles
from community.models import ContactPreference, Profile
from community.pagination import paginate
from community.profile_forms import (
    AccountForm,
    ContactForm,
    DeleteAccountForm,
    DirectoryFilterForm,
    ProfileForm,
)
from community.profile_sections import sections_for

# ---------------------------------------------------------------------------------------------
# The directory and a person's page (routes of TrainerDirectoryPage, which lets signed-in
# people only through)


def directory_context(request):
    form = DirectoryFilterForm(request.GET, profiles=profiles.directory_profiles(request.user))
    return {"filter_form": form, "people": paginate(request, form.results())}


def _render_profile(page, request, profile, contact_form=None, status=200):
    viewer = request.user
    private = profiles.is_self_or_team(viewer, profile.user)
    response = page.render(
        request,
        template="community/profile_page.html",
        context_overrides={
            "profile": profile,
            "is_self": viewer.pk == profile.user_id,
            "is_self_or_team": private,
            "sections": sections_for(profile.user, viewer, private),
            "may_contact": profiles.may_contact(viewer, profile),
            "contact_by_team": profile.contact_preference == ContactPreference.TEAM,
            "contact_form": contact_form or ContactForm(),
            "contact_url": page.contact_url(profile, request),
        },
    )
    response.status_code = status
    return response


def profile_page(page, request, profile_id):
    profile = profiles.visible_profile(request.user, profile_id)
    if profile is None:
        raise Http404(_("No such profile."))
    return _render_profile(page, request, profile)


def contact(page, request, profile_id):
    profile = profiles.visible_profile(request.user, profile_id)
    if profile is None or not profiles.may_contact(request.user, profile):
        raise Http404(_("No such profile."))
    back = page.profile_url(profile, request)
    if request.method != "POST":
        return redirect(back)
    form = ContactForm(request.POST)
    if form.is_valid() and profiles.contacts_left(request.user) == 0:
        form.add_error(
            None,
            _("You have sent many messages today: wait until tomorrow to send another one."),
        )
    if not form.is_valid():
        return _render_profile(page, request, profile, contact_form=form, status=400)
    profiles.contact(request.user, profile, form.cleaned_data["message"])
    messages.success(
        request,
        _("Your message was sent to %(name)s by e-mail. They will answer you directly.")
        % {"name": profile.name},
    )
    return redirect(back)


# ---------------------------------------------------------------------------------------------
# Edit my profile


@login_required
def my_profile(request):
    """Only one's own profile: no URL takes anyone else's id for editing."""
    profile, _created = Profile.objects.get_or_create(user=request.user)
    if request.method == "POST":
        profile_form = ProfileForm(request.POST, request.FILES, instance=profile)
        account_form = AccountForm(request.POST, instance=request.user)
        # Both checked before anything is written: a refused photo changes nothing.
        if all([profile_form.is_valid(), account_form.is_valid()]):
            profiles.save_profile(request.user, profile_form, account_form)
            messages.success(request, _("Your profile is saved."))
            return redirect("my_profile")
        status = 400
    else:
        profile_form = ProfileForm(instance=profile)
        account_form = AccountForm(instance=request.user)
        status = 200
    return render(
        request,
        "community/profile_edit.html",
        {
            "profile": profile,
            "profile_form": profile_form,
            "account_form": account_form,
            "profile_url": profiles.profile_url(profile, request),
        },
        status=status,
    )


# ---------------------------------------------------------------------------------------------
# Privacy


@login_required
def my_data(request):
    """“Télécharger mes données”: everything Atelier holds about the person, as JSON."""
    data = privacy.export(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    filename = f"atelier-mes-donnees-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    """A confirmation page, then (POST, box ticked) the account is anonymised at once."""
    refusal = privacy.deletion_refusal(request.user)
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and refusal is None and form.is_valid():
        privacy.anonymise(request.user)
        logout(request)
        messages.success(
            request,
            _("Your account is deleted. Your contributions stay, under the name “Ancien agent”."),
        )
        return redirect("/")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "community/profile_delete.html",
        {"form": form, "refusal": refusal},
        status=status,
    )
