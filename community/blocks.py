"""StreamField blocks shared by every app's pages (one module, as in bakerydemo)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A heading whose level the editor picks, so pages keep a correct outline (RGAA 9.1)."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = pgettext_lazy("block type", "Heading")
        template = "blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    """An image with its alternative text (required unless decorative) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "blocks/quote_block.html"


class SectionLinkBlock(blocks.StructBlock):
    """A card that sends the reader to a section of the site."""

    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, help_text=_("Leave empty to use the page's title.")
    )
    description = blocks.TextBlock(label=_("Description"), max_length=300)

    class Meta:
        icon = "link"
        label = _("Section link")


class SectionLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    links = blocks.ListBlock(SectionLinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Section links")
        template = "blocks/section_links_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to one next step: a page of the site, or an address elsewhere."""

    text = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(
        label=_("Or an address"), required=False, help_text=_("Used when no page is chosen.")
    )
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=200)

    class Meta:
        icon = "link-external"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        """Exactly one destination: a page or an address."""
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or give an address, not both."))
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    """A document to download, with what it is, its format and its size (RGAA 6.1)."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, help_text=_("Leave empty to use the document's title.")
    )
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    section_links = SectionLinksBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
