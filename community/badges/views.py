"""The public Open Badges endpoints and the badge's page: anyone may check a badge, signed in
or not (even when the site requires sign-in), so these views are exempt from it."""

import json

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from community.badges import baking, openbadges
from community.models import Badge, BadgeAward

JSON_LD = "application/ld+json"


def _json(data, status=200):
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type=f"{JSON_LD}; charset=utf-8",
        status=status,
    )
    # Backpacks and CV sites check a badge from their own pages.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _png(data, filename=None):
    response = HttpResponse(data, content_type="image/png")
    response["Access-Control-Allow-Origin"] = "*"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _award(uid):
    award = BadgeAward.objects.select_related("badge__image", "recipient").filter(uid=uid).first()
    if award is None:
        raise Http404
    return award


@login_not_required
@require_safe
def issuer(request):
    return _json(openbadges.issuer())


@login_not_required
@require_safe
def badge_class(request, slug):
    return _json(openbadges.badge_class(get_object_or_404(Badge, slug=slug)))


@login_not_required
@require_safe
def badge_image(request, slug):
    badge = get_object_or_404(Badge.objects.select_related("image"), slug=slug)
    return _png(baking.badge_png(badge))


@login_not_required
@require_safe
def badge_detail(request, slug):
    """The badge's criteria in words: the ``criteria`` URL of its BadgeClass."""
    badge = get_object_or_404(Badge.objects.select_related("image"), slug=slug)
    return render(
        request,
        "community/badges/badge_detail.html",
        {"badge": badge, "badge_class_url": openbadges.badge_class_url(badge)},
    )


@login_not_required
@require_safe
def assertion(request, uid):
    """The hosted assertion; once revoked, 410 Gone with ``revoked: true`` and the reason."""
    award = _award(uid)
    if award.is_revoked:
        return _json(openbadges.revoked_assertion(award), status=410)
    return _json(openbadges.assertion(award))


@login_not_required
@require_safe
def award_image(request, uid):
    """The badge image with the assertion's URL baked in, to download; none once revoked."""
    award = _award(uid)
    if award.is_revoked:
        return HttpResponse(status=410)
    png = baking.bake(baking.badge_png(award.badge), award.assertion_url)
    return _png(png, filename=f"{award.badge.slug}.png")
