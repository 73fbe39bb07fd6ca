"""Blocks that only the library uses: the steps of an activity and its attachments."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


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
