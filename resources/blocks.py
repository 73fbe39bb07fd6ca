"""Blocks that only the library uses: the steps of an activity and its attachments."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from community.page_types import WORKSHOP_PAGE


class StepBlock(blocks.StructBlock):
    """One step of an activity, as the facilitator runs it in the room."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    duration = blocks.IntegerBlock(
        label=_("Duration (minutes)"), min_value=1, max_value=480, required=False
    )
    instructions = blocks.RichTextBlock(
        label=_("Instructions"), features=["bold", "italic", "link", "ol", "ul"]
    )
    image = ImageBlock(label=_("Image"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "resources/blocks/step_block.html"


class AttachmentBlock(blocks.StructBlock):
    """A template, slide deck or handout that goes with the activity."""

    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Attachment")


class ObjectiveBlock(blocks.CharBlock):
    class Meta:
        icon = "tick"
        label = _("Objective")


MODALITY_CHOICES = [
    ("face_to_face", _("face to face")),
    ("remote", _("remote")),
    ("blended", _("blended")),
    ("self_paced", _("self-paced")),
    ("practice", _("practice at work")),
]


class ActivityStepBlock(blocks.StructBlock):
    """A path step that runs a library activity."""

    activity = blocks.PageChooserBlock(label=_("Activity"), page_type="resources.ActivityPage")
    modality = blocks.ChoiceBlock(label=_("Modality"), choices=MODALITY_CHOICES)
    note = blocks.TextBlock(label=_("Note for this path"), required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        label = _("Activity step")


class TextStepBlock(blocks.StructBlock):
    """A path step that is not in the library: practice at work, reading, a tutoring call…"""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    modality = blocks.ChoiceBlock(label=_("Modality"), choices=MODALITY_CHOICES)
    duration = blocks.IntegerBlock(
        label=_("Duration (minutes)"), min_value=1, max_value=2400, required=False
    )
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "edit"
        label = _("Free step")


class WorkshopStepBlock(blocks.StructBlock):
    """A path step that is a workshop of the calendar: followed by attending one of its sessions.

    The library never imports the events app (DESIGN.md): the workshop is chosen by page type.
    """

    workshop = blocks.PageChooserBlock(label=_("Workshop"), page_type=WORKSHOP_PAGE)
    modality = blocks.ChoiceBlock(
        label=_("Modality"), choices=MODALITY_CHOICES, default="face_to_face"
    )
    note = blocks.TextBlock(label=_("Note for this path"), required=False, max_length=500)

    class Meta:
        icon = "date"
        label = _("Workshop step")
