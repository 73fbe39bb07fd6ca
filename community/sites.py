"""Putting a home page at the root of the default site (demo content and tests both need it)."""

from wagtail.models import Page, Site


def install_home_page(home):
    """Make ``home`` the default site's root and delete Wagtail's placeholder page."""
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    previous_root_id = site.root_page_id
    site.root_page = home
    site.site_name = "Atelier"
    site.save()
    if previous_root_id and previous_root_id != home.id:
        Page.objects.filter(id=previous_root_id, depth=2, numchild=0).delete()
    return site
