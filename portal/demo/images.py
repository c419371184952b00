"""Pictures for the demo site drawn with Pillow in the batik palette: simple illustrations.
Nothing is downloaded, so the demo builds on a machine without internet."""

import math
from io import BytesIO

from PIL import Image, ImageDraw

RED, INDIGO, OCHRE, PAPER, INK = "#7a1f1f", "#1f2a55", "#c48a2c", "#fbf7f0", "#1d1b19"
SIZE = (1920, 1080)


def building(size=SIZE):
    """A two-storey library on its street under a morning sky."""
    width, height = size
    image = Image.new("RGB", size, "#f3e3c3")
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):  # sky fading from ochre to warm white
        shade = y / (height / 2)
        colour = tuple(int(a + (b - a) * shade) for a, b in zip((232, 190, 120), (251, 247, 240), strict=True))
        draw.line((0, y, width, y), fill=colour)
    draw.ellipse((width * 0.78, height * 0.1, width * 0.88, height * 0.1 + width * 0.1), fill="#f6ead2")
    ground = int(height * 0.78)
    draw.rectangle((0, ground, width, height), fill="#8c8577")
    left, right, top = int(width * 0.18), int(width * 0.82), int(height * 0.28)
    draw.rectangle((left, top, right, ground), fill=PAPER, outline=INK, width=4)
    draw.polygon(((left - 60, top), (width // 2, top - 150), (right + 60, top)), fill=RED, outline=INK)
    middle = (top + ground) // 2
    draw.rectangle((left, middle - 12, right, middle + 12), fill=OCHRE)
    for floor_top in (top + 40, middle + 50):
        for i in range(7):
            if floor_top > middle and i == 3:
                continue  # the front door stands here
            x = left + 50 + i * (right - left - 100) // 7
            draw.rectangle((x, floor_top, x + 110, floor_top + 120), fill=INDIGO, outline=INK, width=3)
            draw.line((x + 55, floor_top, x + 55, floor_top + 120), fill=PAPER, width=4)
    door = width // 2
    draw.rectangle((door - 90, ground - 230, door + 90, ground), fill=RED, outline=INK, width=4)
    for tree_x in (int(width * 0.08), int(width * 0.92)):
        draw.rectangle((tree_x - 14, ground - 200, tree_x + 14, ground), fill="#5b3a1a")
        draw.ellipse((tree_x - 110, ground - 400, tree_x + 110, ground - 170), fill="#2f6b3a")
    return image


def bookshelf(size=SIZE):
    """Shelves full of books in the batik colours."""
    width, height = size
    image = Image.new("RGB", size, "#5b3a1a")
    draw = ImageDraw.Draw(image)
    colours = [RED, INDIGO, OCHRE, "#2f6b3a", PAPER, "#8a5a12", "#3d4a80"]
    shelf = height // 4
    for row in range(4):
        base = (row + 1) * shelf - 20
        draw.rectangle((0, base, width, base + 20), fill="#3b2410")
        x, n = 30, row * 7
        while x < width - 40:
            n += 1
            book_width = 34 + (n * 37) % 40
            book_height = shelf - 60 - (n * 53) % 70
            draw.rectangle(
                (x, base - book_height, x + book_width, base), fill=colours[n % len(colours)], outline=INK, width=2
            )
            draw.line(
                (x + 6, base - book_height + 20, x + book_width - 6, base - book_height + 20), fill=OCHRE, width=4
            )
            x += book_width + 4
    return image


def village(size=SIZE):
    """Village houses with a computer screen glowing in the reading room."""
    width, height = size
    image = Image.new("RGB", size, "#cfe0d6")
    draw = ImageDraw.Draw(image)
    ground = int(height * 0.7)
    draw.rectangle((0, ground, width, height), fill="#6f8f4e")
    for i in range(4):
        x = int(width * (0.08 + i * 0.23))
        top = ground - 260
        draw.rectangle((x, top, x + 320, ground), fill=PAPER, outline=INK, width=4)
        draw.polygon(
            ((x - 40, top), (x + 160, top - 160), (x + 360, top)), fill=RED if i % 2 else "#8a5a12", outline=INK
        )
        draw.rectangle((x + 130, ground - 150, x + 190, ground), fill=INDIGO)
        if i == 1:  # the village library: a lit screen in the window
            draw.rectangle((x + 220, top + 50, x + 300, top + 120), fill="#fdf3c4", outline=INK, width=3)
            draw.rectangle((x + 235, top + 62, x + 285, top + 100), fill="#3d4a80")
    for k in range(12):
        angle = k / 12 * math.tau
        draw.line(
            (width * 0.85, height * 0.15, width * 0.85 + math.cos(angle) * 90, height * 0.15 + math.sin(angle) * 90),
            fill=OCHRE,
            width=6,
        )
    draw.ellipse((width * 0.85 - 55, height * 0.15 - 55, width * 0.85 + 55, height * 0.15 + 55), fill=OCHRE)
    return image


def to_jpeg(image):
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()
