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


def named_bytes(data, name):
    buffer = BytesIO(data)
    buffer.name = name
    return buffer


def to_jpeg(image):
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def kawung(size=SIZE, ground=RED, motif=OCHRE, dot=PAPER):
    """Kawung batik: four ovals around a point, repeated on a grid."""
    image = Image.new("RGB", size, ground)
    draw = ImageDraw.Draw(image)
    step = 160
    for cx in range(0, size[0] + step, step):
        for cy in range(0, size[1] + step, step):
            for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
                ox, oy = cx + dx * step * 0.27, cy + dy * step * 0.27
                rx, ry = (step * 0.24, step * 0.13) if dx else (step * 0.13, step * 0.24)
                draw.ellipse((ox - rx, oy - ry, ox + rx, oy + ry), fill=motif, outline=INK, width=3)
            draw.ellipse((cx - 9, cy - 9, cx + 9, cy + 9), fill=dot)
    return image


def computers(size=SIZE):
    """A training room: rows of desks with computer screens."""
    width, height = size
    image = Image.new("RGB", size, "#e9e1d3")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(height * 0.62), width, height), fill="#b59b74")
    draw.rectangle((int(width * 0.3), 60, int(width * 0.7), 330), fill=PAPER, outline=INK, width=5)
    for row, (y, scale) in enumerate(((int(height * 0.5), 0.8), (int(height * 0.72), 1.0))):
        for i in range(5):
            x = int(width * (0.1 + i * 0.18)) + (row * 40)
            w, h = int(180 * scale), int(120 * scale)
            draw.rectangle((x - 20, y + h, x + w + 20, y + h + 24), fill="#5b3a1a")
            draw.rectangle((x, y, x + w, y + h), fill=INK)
            draw.rectangle((x + 8, y + 8, x + w - 8, y + h - 8), fill="#3d4a80" if (i + row) % 2 else "#2f6b3a")
            draw.rectangle((x + w // 2 - 10, y + h, x + w // 2 + 10, y + h + 10), fill=INK)
    return image


def trophy(size=SIZE):
    """An award cup on a stand, with rays behind it."""
    width, height = size
    image = Image.new("RGB", size, INDIGO)
    draw = ImageDraw.Draw(image)
    cx, cy = width // 2, int(height * 0.45)
    for k in range(24):
        angle = k / 24 * math.tau
        end = (cx + math.cos(angle) * width, cy + math.sin(angle) * width)
        draw.line((cx, cy, *end), fill="#2a3668", width=40)
    draw.pieslice((cx - 220, cy - 320, cx + 220, cy + 120), 0, 180, fill=OCHRE, outline=INK, width=6)
    draw.rectangle((cx - 220, cy - 120, cx + 220, cy - 100), fill=OCHRE)
    draw.rectangle((cx - 30, cy + 120, cx + 30, cy + 260), fill=OCHRE, outline=INK, width=4)
    draw.rectangle((cx - 160, cy + 260, cx + 160, cy + 330), fill=RED, outline=INK, width=5)
    for side in (-1, 1):
        draw.arc((cx + side * 220 - 90, cy - 110, cx + side * 220 + 90, cy + 40), 0, 360, fill=OCHRE, width=24)
    return image


def group(size=SIZE, ground="#f3e3c3", shirts=(RED, INDIGO, OCHRE, "#2f6b3a", "#8a5a12")):
    """A group of people standing together for a photo."""
    width, height = size
    image = Image.new("RGB", size, ground)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(height * 0.8), width, height), fill="#8c8577")
    for row, (base, scale) in enumerate(((int(height * 0.72), 0.85), (int(height * 0.92), 1.0))):
        count = 7 if row == 0 else 6
        for i in range(count):
            x = int(width * (0.08 + i * (0.84 / (count - 1))))
            head = int(60 * scale)
            body = int(260 * scale)
            draw.rounded_rectangle((x - 80 * scale, base - body, x + 80 * scale, base), 40, fill=shirts[(i + row) % 5])
            draw.ellipse(
                (x - head, base - body - 2 * head, x + head, base - body), fill="#8a5a3a", outline=INK, width=3
            )
    return image


def meeting(size=SIZE, cloth=RED):
    """People around a long table under a banner, as in a workshop or a meeting."""
    width, height = size
    image = Image.new("RGB", size, "#efe6d6")
    draw = ImageDraw.Draw(image)
    draw.rectangle((int(width * 0.15), 40, int(width * 0.85), 190), fill=cloth, outline=INK, width=4)
    for x in range(int(width * 0.18), int(width * 0.82), 60):
        draw.rectangle((x, 90, x + 36, 140), fill=OCHRE)
    table_top = int(height * 0.62)
    for i in range(8):
        x = int(width * (0.12 + i * 0.108))
        draw.rounded_rectangle(
            (x - 55, table_top - 230, x + 55, table_top), 30, fill=(INDIGO, "#2f6b3a", "#8a5a12")[i % 3]
        )
        draw.ellipse((x - 45, table_top - 330, x + 45, table_top - 240), fill="#8a5a3a", outline=INK, width=3)
    draw.rectangle((int(width * 0.05), table_top, int(width * 0.95), table_top + 60), fill="#5b3a1a")
    draw.rectangle((int(width * 0.05), table_top + 60, int(width * 0.95), height), fill="#d8ccb6")
    return image


def handover(size=SIZE):
    """Two people on a stage handing over a large certificate, a crowd in front."""
    width, height = size
    image = group(size, ground="#dfe7ef", shirts=("#55606e", "#6f7a88", "#434b57", "#7d6a55", "#5c6b5a"))
    draw = ImageDraw.Draw(image)
    stage = int(height * 0.35)
    draw.rectangle((0, 0, width, stage), fill="#9b2d2d")
    for side, x in ((-1, width * 0.38), (1, width * 0.62)):
        draw.rounded_rectangle((x - 70, stage - 250, x + 70, stage), 35, fill=INDIGO if side < 0 else "#2f6b3a")
        draw.ellipse((x - 50, stage - 350, x + 50, stage - 250), fill="#8a5a3a", outline=INK, width=3)
    draw.rectangle((width * 0.42, stage - 210, width * 0.58, stage - 110), fill=PAPER, outline=OCHRE, width=8)
    return image


def photo(kind, variant, size):
    """A demo "camera photo": one of the drawings, its colours shifted by `variant`, drawn small
    and enlarged to a camera's size (e.g. 4000x3000) so renditions have real work to do."""
    base = {
        "group": lambda: group((1000, 750), shirts=_rotate((RED, INDIGO, OCHRE, "#2f6b3a", "#8a5a12"), variant)),
        "meeting": lambda: meeting((1000, 750), cloth=(RED, INDIGO, "#2f6b3a", "#8a5a12")[variant % 4]),
        "handover": lambda: handover((1000, 750)),
        "building": lambda: building((1000, 750)),
        "shelves": lambda: bookshelf((1000, 750)),
        "computers": lambda: computers((1000, 750)),
        "village": lambda: village((1000, 750)),
    }[kind]()
    if variant % 2:
        base = base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    tint = Image.new("RGB", base.size, ("#fbf7f0", "#f6ead2", "#e8eaf3", "#f3e3c3")[variant % 4])
    return Image.blend(base, tint, 0.12 + 0.04 * (variant % 3)).resize(size, Image.Resampling.BICUBIC)


def _rotate(colours, steps):
    steps %= len(colours)
    return colours[steps:] + colours[:steps]


def parang(size=SIZE, ground=INDIGO, motif=OCHRE, accent=PAPER):
    """Parang batik: slanted rows of blade shapes."""
    image = Image.new("RGB", size, ground)
    draw = ImageDraw.Draw(image)
    band = 120
    for offset in range(-size[1], size[0] + size[1], band):
        draw.line((offset, size[1], offset + size[1], 0), fill=motif, width=34)
        for t in range(0, size[1], 90):
            x, y = offset + t, size[1] - t
            draw.ellipse((x + 20, y - 52, x + 52, y - 20), fill=accent)
    return image
