"""Bar and line charts drawn on the server as SVG: no chart library in the visitor's browser."""

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 560, 280
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 24, 40


@dataclass
class Mark:
    label: str
    value: float
    x: float  # centre of the bar or the point
    y: float  # top of the bar or the point
    bar_x: float
    bar_width: float
    bar_height: float


def nice_ceiling(value):
    """The smallest 1, 2 or 5 times a power of ten at or above `value` (axis top)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def chart(points):
    """Marks and axis ticks for a list of {"label", "value"} points, in the SVG's coordinates."""
    values = [float(point["value"]) for point in points]
    top = nice_ceiling(max(values, default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_width / max(len(points), 1)
    marks = []
    for index, (point, value) in enumerate(zip(points, values, strict=True)):
        bar_height = max(value, 0) / top * plot_height
        marks.append(
            Mark(
                label=point["label"],
                value=value,
                x=round(LEFT + step * (index + 0.5), 1),
                y=round(TOP + plot_height - bar_height, 1),
                bar_x=round(LEFT + step * index + step * 0.18, 1),
                bar_width=round(step * 0.64, 1),
                bar_height=round(bar_height, 1),
            )
        )
    ticks = [{"value": top * fraction, "y": round(TOP + plot_height * (1 - fraction), 1)} for fraction in (0, 0.5, 1)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "label_y": HEIGHT - 14,
        "marks": marks,
        "ticks": ticks,
        "line": " ".join(f"{mark.x},{mark.y}" for mark in marks),
    }
