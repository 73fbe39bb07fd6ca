"""How templates name a person: ``{{ reuse.user|public_name }}``, never ``{{ reuse.user }}``
(which shows the e-mail address of someone without a name)."""

from django import template

from community import profiles

register = template.Library()


@register.filter
def public_name(user):
    return profiles.public_name(user)
