"""Baking: the badge's PNG with the assertion's URL in an ``openbadges`` iTXt chunk, so that the
image alone leads a backpack to the hosted assertion (Open Badges 2.0, "Baking")."""

import io

from PIL import Image
from PIL.PngImagePlugin import PngInfo

KEYWORD = "openbadges"


def badge_png(badge):
    """The badge image as a square PNG (a Wagtail rendition, made once and kept)."""
    from community.badges.openbadges import IMAGE_RENDITION

    rendition = badge.image.get_rendition(IMAGE_RENDITION)
    with rendition.file.open("rb") as file:
        return file.read()


def bake(png_bytes, assertion_url):
    """``png_bytes`` with one uncompressed ``openbadges`` iTXt chunk holding the URL (any such
    chunk the image had is dropped: the spec allows only one)."""
    image = Image.open(io.BytesIO(png_bytes))
    info = PngInfo()
    for key, value in getattr(image, "text", {}).items():
        if key != KEYWORD:
            info.add_text(key, value)
    info.add_itxt(KEYWORD, assertion_url, lang="", tkey="", zip=False)
    output = io.BytesIO()
    image.save(output, format="PNG", pnginfo=info)
    return output.getvalue()
