"""Demo images drawn by the project itself with Pillow (never fetched from elsewhere):
simple landscapes in the house colours, one per subject, each with its alternative text.

``demo_image(key, ...)`` is idempotent: an image is made once (its title carries the key)
and reused on every later ``load_demo``. The images sit in the Root collection: they are
only used on public pages (home page, news, impact stories).
"""

import io
import random

from django.core.files.images import ImageFile

WIDTH, HEIGHT = 1200, 675
PALETTES = {
    "water": ("#d8eef2", "#0b5563", "#3f8fa0", "#f2c14e"),
    "land": ("#f4ead5", "#6b4f2a", "#a5793f", "#e07a2f"),
    "green": ("#e3f0dc", "#2f6b34", "#6aa55a", "#f2c14e"),
    "city": ("#e6e4f0", "#3d3a63", "#7d79a8", "#f28e2b"),
    "dusk": ("#f6dcc8", "#7a3b2e", "#c06c4b", "#ffd166"),
}


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


def draw(key, palette="water"):
    """PNG bytes of a landscape: sky, sun, three rows of hills and a few houses or trees;
    the same key always gives the same picture."""
    from PIL import Image, ImageDraw

    sky, dark, mid, sun = (_hex(c) for c in PALETTES[palette])
    rng = random.Random(key)  # noqa: S311  # nosec B311 (drawing, not security)
    image = Image.new("RGB", (WIDTH, HEIGHT), sky)
    pen = ImageDraw.Draw(image)
    for y in range(HEIGHT // 2):  # a soft gradient towards the horizon
        shade = tuple(min(255, c + y // 12) for c in sky)
        pen.line([(0, y), (WIDTH, y)], fill=shade)
    cx, cy, r = rng.randint(150, WIDTH - 150), rng.randint(80, 200), rng.randint(45, 75)
    pen.ellipse([cx - r, cy - r, cx + r, cy + r], fill=sun)
    for row, colour in enumerate([mid, dark, mid]):
        base = HEIGHT * (0.55 + 0.13 * row)
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 60, 60):
            points.append((x, base - rng.randint(0, 70 - row * 15)))
        points.append((WIDTH, HEIGHT))
        shade = tuple(max(0, c - row * 18) for c in colour)
        pen.polygon(points, fill=shade)
    for _i in range(rng.randint(3, 6)):  # houses
        x, y = rng.randint(40, WIDTH - 120), rng.randint(int(HEIGHT * 0.72), HEIGHT - 90)
        w = rng.randint(50, 90)
        pen.rectangle([x, y, x + w, y + w * 0.7], fill=(250, 248, 240))
        pen.polygon([(x - 8, y), (x + w / 2, y - w * 0.5), (x + w + 8, y)], fill=sun)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def demo_image(key, title, palette="water"):
    """The Wagtail image for ``key``, made once."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    full_title = f"{title} [demo:{key}]"
    image = Image.objects.filter(title__endswith=f"[demo:{key}]").first()
    if image is None:
        image = Image(title=full_title[:255])
        image.file = ImageFile(io.BytesIO(draw(key, palette)), name=f"demo-{key}.png")
        image.save()
    return image
