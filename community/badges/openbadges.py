"""Open Badges 2.0, hosted verification: the JSON-LD of the issuer, a badge and an award.

A backpack or a CV keeps the assertion's URL; whoever checks it fetches the assertion, then its
badge, then its issuer, all from this site. The recipient is named by a salted hash of their
e-mail address only: the assertion never shows a name nor the address itself.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from community.mail import absolute

CONTEXT = "https://w3id.org/openbadges/v2"
# The badge image as published: square, PNG (the only format that can be baked).
IMAGE_RENDITION = "fill-512x512|format-png"


def issuer_url():
    return absolute(reverse("badge_issuer"))


def badge_class_url(badge):
    return absolute(reverse("badge_class", args=[badge.slug]))


def badge_page_url(badge):
    return absolute(reverse("badge_detail", args=[badge.slug]))


def badge_image_url(badge):
    return absolute(reverse("badge_image", args=[badge.slug]))


def issuer():
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": settings.ATELIER_BADGE_ISSUER_NAME,
        "url": settings.ATELIER_BADGE_ISSUER_URL or absolute("/"),
        "email": settings.ATELIER_BADGE_ISSUER_EMAIL,
        "description": settings.ATELIER_BADGE_ISSUER_DESCRIPTION,
    }


def badge_class(badge):
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(badge),
        "name": badge.name,
        "description": badge.description,
        "image": badge_image_url(badge),
        "criteria": {"id": badge_page_url(badge), "narrative": badge.criteria},
        "issuer": issuer_url(),
        "tags": [badge.get_kind_display()],
    }


def issued_on(award):
    """ISO 8601 with its offset, in the site's time zone."""
    return timezone.localtime(award.awarded_at).isoformat()


def evidence(award):
    """What the award rests on: the page that shows it, and the team's reason when a person
    awarded it (a rule's evidence is its link). Once the recipient's account is deleted, the
    reason is no longer published: free text written about them may name them."""
    reason = "" if award.recipient.deleted_at else award.reason
    if not (award.evidence_url or reason):
        return None
    item = {"type": "Evidence"}
    if award.evidence_url:
        item["id"] = award.evidence_url
    if reason:
        item["narrative"] = reason
    return [item]


def assertion(award):
    """The hosted assertion of a valid award (see :func:`revoked_assertion` otherwise)."""
    data = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": award.assertion_url,
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.salt,
            "identity": award.recipient_identity,
        },
        "badge": badge_class_url(award.badge),
        "verification": {"type": "hosted"},
        "issuedOn": issued_on(award),
        "image": award.image_url,
    }
    if items := evidence(award):
        data["evidence"] = items
    return data


def revoked_assertion(award):
    """What a revoked award's URL answers (with HTTP 410 Gone): revoked, and why; nothing
    that could still pass for a valid badge."""
    return {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": award.assertion_url,
        "revoked": True,
        "revocationReason": award.revocation_reason,
    }
