"""Editorial pages: the home page, standard pages and the accessibility statement."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from community.blocks import BodyBlock
from community.models.mixins import IntroMixin


class HomePage(Page):
    """The site root: a hero that says what Atelier is, then blocks leading to each section."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), max_length=600)
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_text = models.CharField(_("hero link text"), max_length=60, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(IntroMixin, Page):
    """An editorial page: roles, becoming an in-house trainer, the facilitators' charter…"""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("body"),
    ]

    parent_page_types = ["community.HomePage", "community.StandardPage"]
    subpage_types = ["community.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ComplianceStatus(models.TextChoices):
    """The three states the RGAA allows a statement to declare."""

    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(Page):
    """The “Déclaration d'accessibilité” the RGAA requires of every public body's site.

    Its fixed parts (headings, the appeal procedure) are in the template; the training team
    keeps the facts that change with each audit up to date.
    """

    organisation = models.CharField(
        _("organisation"), max_length=150, help_text=_("The body publishing the site.")
    )
    compliance_status = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.NONE,
    )
    compliance_rate = models.DecimalField(
        _("compliance rate (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Share of applicable RGAA criteria met at the last audit."),
    )
    audit_date = models.DateField(_("audit date"), null=True, blank=True)
    audited_by = models.CharField(_("audited by"), max_length=150, blank=True)
    non_accessible_content = RichTextField(
        _("non-accessible content"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    technologies = models.CharField(
        _("technologies used"), max_length=200, default="HTML5, CSS, JavaScript"
    )
    contact_email = models.EmailField(_("accessibility contact e-mail"))
    statement_date = models.DateField(_("statement date"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldPanel("compliance_status"),
                FieldPanel("compliance_rate"),
                FieldPanel("audit_date"),
                FieldPanel("audited_by"),
                FieldPanel("technologies"),
                FieldPanel("statement_date"),
            ],
            heading=_("Audit"),
        ),
        FieldPanel("non_accessible_content"),
        FieldPanel("contact_email"),
    ]

    parent_page_types = ["community.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")
