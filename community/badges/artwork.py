"""Badge images drawn here (a medal: disc, ring, star and a short mark), so that demo and test
badges need no asset from elsewhere. The training team uploads real artwork in the admin."""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

SIZE = 512
COLOURS = {  # per BadgeKind: dark enough for white marks (contrast above 4.5:1)
    "facilitation": "#1f5fa8",
    "authorship": "#7a3e9d",
    "reuse": "#1d6b46",
    "learning": "#9c4a00",
    "community": "#8c1d40",
}


def _star(centre, outer, inner, points=5):
    cx, cy = centre
    corners = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / points * i - math.pi / 2
        corners.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return corners


def draw(mark, kind="facilitation"):
    """A square PNG (bytes): a coloured medal with a star and ``mark`` (a number or a few
    letters) beneath it."""
    colour = COLOURS.get(kind, "#1f5fa8")
    image = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    pen.ellipse((16, 16, SIZE - 16, SIZE - 16), fill=colour)
    pen.ellipse((48, 48, SIZE - 48, SIZE - 48), outline="white", width=10)
    pen.polygon(_star((SIZE / 2, SIZE * 0.38), 120, 50), fill="white")
    font = ImageFont.load_default(size=96)
    pen.text((SIZE / 2, SIZE * 0.72), str(mark)[:4], fill="white", font=font, anchor="mm")
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def wagtail_image(title, mark, kind="facilitation"):
    """A Wagtail image of :func:`draw`'s medal, titled ``title``."""
    from wagtail.images import get_image_model

    Image_ = get_image_model()
    filename = f"badge-{abs(hash((title, mark))) % 10**8}.png"
    image = Image_(title=title)
    image.file = ImageFile(io.BytesIO(draw(mark, kind)), name=filename)
    image.save()
    return image
