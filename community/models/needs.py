"""The needs board: agents say what training they lack, others say “moi aussi”, trainers adopt
a need and the training team answers it with a workshop or a path.

Needs refer to themes and answering pages by model label (``resources.Theme``,
``wagtailcore.Page``), never by importing those apps (see DESIGN.md).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from community.models.mixins import IntroMixin


class NeedsBoardPage(RoutablePageMixin, IntroMixin, Page):
    """Lists training needs; its sub-URLs post and vote (see ``community.needs``); adopting
    goes on in the proposal form of the app that takes proposals."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    parent_page_types = ["community.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("needs board")
        verbose_name_plural = _("needs boards")

    # The views are thin and live in ``community.needs_views``; the rules in ``community.needs``.

    def get_context(self, request, *args, **kwargs):
        from community import needs_views

        context = super().get_context(request, *args, **kwargs)
        context.update(needs_views.board_context(self, request))
        return context

    @path("exprimer/", name="post_need")
    def post_need(self, request):
        from community import needs_views

        return needs_views.post_need(self, request)

    @path("<int:need_id>/moi-aussi/", name="vote")
    def vote(self, request, need_id):
        from community import needs_views

        return needs_views.vote(self, request, need_id)

    @path("<int:need_id>/retirer-mon-vote/", name="withdraw_vote")
    def withdraw_vote(self, request, need_id):
        from community import needs_views

        return needs_views.withdraw_vote(self, request, need_id)


class NeedStatus(models.TextChoices):
    OPEN = "open", _("Open")
    STUDYING = "studying", _("Under study")
    SCHEDULED = "scheduled", _("Scheduled")
    CLOSED = "closed", _("Closed")


class Urgency(models.TextChoices):
    LOW = "low", _("Within the year")
    MEDIUM = "medium", _("Within three months")
    HIGH = "high", _("Within the month")


def release_on_delete(collector, field, sub_objs, using):
    """``on_delete`` of a need's proposal: like ``SET_NULL``, and the need is free to adopt
    again (no adopter, no date), in the same delete, in one batch for a whole page tree.
    Not lazy, unlike ``SET_NULL``: the collector looks for such needs once, and writes the
    three fields only when it finds some (rare), rather than three UPDATEs every time."""
    collector.add_field_update(field, None, sub_objs)
    for name in ("adopted_by", "adopted_at"):
        collector.add_field_update(field.model._meta.get_field(name), None, sub_objs)


class TrainingNeedQuerySet(models.QuerySet):
    def listed(self):
        """Needs shown on the board: not hidden by the training team."""
        return self.filter(hidden=False)

    def open_to_votes(self):
        return self.exclude(status=NeedStatus.CLOSED)

    def with_vote_count(self):
        return self.annotate(vote_count=models.Count("votes", distinct=True))

    def with_vote_of(self, user):
        """``has_voted``: whether ``user`` said “moi aussi” (False for anonymous visitors)."""
        if not user.is_authenticated:
            return self.annotate(has_voted=models.Value(False, output_field=models.BooleanField()))
        mine = NeedVote.objects.filter(need=models.OuterRef("pk"), voter=user)
        return self.annotate(has_voted=models.Exists(mine))

    def for_board(self, user):
        """What the board shows of each need, in one query whatever the number of needs."""
        return (
            self.listed()
            .with_vote_count()
            .with_vote_of(user)
            .select_related("theme", "adopted_by__profile", "answered_by", "proposal")
        )

    def most_wanted_first(self):
        return self.order_by("-vote_count", "-created_at", "-pk")

    def newest_first(self):
        return self.order_by("-created_at", "-pk")

    def demand_by_theme(self):
        """{theme id: (number of needs, their votes)} over the listed needs still open to
        votes: what agents are waiting for. One query."""
        rows = (
            self.listed()
            .open_to_votes()
            .order_by()
            .values("theme_id")
            .annotate(
                need_count=models.Count("pk", distinct=True),
                vote_count=models.Count("votes", distinct=True),
            )
        )
        return {row["theme_id"]: (row["need_count"], row["vote_count"]) for row in rows}


class TrainingNeed(index.Indexed, models.Model):
    title = models.CharField(_("what I need to learn"), max_length=150)
    why = models.TextField(_("why"), max_length=2000)
    audience = models.CharField(
        _("for whom"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “the agents of my service”, “new managers”."),
    )
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.MEDIUM
    )
    theme = models.ForeignKey(
        "resources.Theme",
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.PROTECT,
        related_name="training_needs",
    )
    created_at = models.DateTimeField(_("posted on"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    hidden = models.BooleanField(
        _("hidden"),
        default=False,
        help_text=_("Hidden by the training team (off-topic, duplicate)."),
    )
    answered_by = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answered_needs",
        help_text=_("The workshop or training path that answers this need."),
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adopted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopted_needs",
    )
    adopted_at = models.DateTimeField(_("adopted on"), null=True, blank=True)
    proposal = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("workshop proposal"),
        null=True,
        blank=True,
        on_delete=release_on_delete,
        related_name="proposed_for_needs",
    )
    team_note = models.TextField(_("note from the training team"), max_length=1000, blank=True)

    objects = TrainingNeedQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("why"),
        index.SearchField("audience"),
        index.FilterField("status"),
        index.FilterField("hidden"),
        index.FilterField("theme_id"),
        index.RelatedFields("theme", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("training need")
        verbose_name_plural = _("training needs")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_open_to_votes(self):
        return self.status != NeedStatus.CLOSED


class NeedVote(models.Model):
    """One “moi aussi” per agent and need (the database refuses a second)."""

    need = models.ForeignKey(
        TrainingNeed, verbose_name=_("need"), on_delete=models.CASCADE, related_name="votes"
    )
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voter"),
        on_delete=models.CASCADE,
        related_name="need_votes",
    )
    created_at = models.DateTimeField(_("voted on"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["need", "voter"], name="community_one_vote_per_need")
        ]

    def __str__(self):
        return f"{self.voter} — {self.need}"
