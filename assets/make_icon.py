#!/usr/bin/env python3
"""Draws the Integrationsplan app icon: assets/integrationsplan.svg and PNGs at 48, 128, 256 px.

The icon is a bar chart of growing demand (white bars) under a capacity line (orange) on a
blue rounded square. Every shape is a rounded rectangle, so the SVG and the PNGs are drawn from
the same list below and cannot drift apart. Standard library only (PNG written with zlib):

    python3 assets/make_icon.py
"""

import struct
import zlib
from pathlib import Path

VIEWBOX = 256
SIZES_PX = (48, 128, 256)
SUPERSAMPLING = 4

# (x, y, width, height, corner radius, colour) in a 256×256 view box, painted in this order.
SHAPES = (
    (16, 16, 224, 224, 44, "#1d4e89"),  # background
    (52, 140, 40, 76, 6, "#ffffff"),  # demand, year 1
    (108, 104, 40, 112, 6, "#ffffff"),  # demand, year 2
    (164, 64, 40, 152, 6, "#ffffff"),  # demand, year 3
    (40, 212, 176, 10, 5, "#ffffff"),  # axis
    (36, 118, 184, 14, 7, "#f2a541"),  # capacity line
)

ASSETS = Path(__file__).resolve().parent


def svg() -> str:
    shapes = "\n".join(
        f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{colour}"/>'
        for x, y, w, h, r, colour in SHAPES
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{VIEWBOX}" height="{VIEWBOX}" '
        f'viewBox="0 0 {VIEWBOX} {VIEWBOX}">\n'
        "  <title>Integrationsplan</title>\n"
        f"{shapes}\n</svg>\n"
    )


def inside_rounded_rect(px: float, py: float, shape) -> bool:
    x, y, w, h, r, _ = shape
    if px < x or py < y or px > x + w or py > y + h:
        return False
    # The nearest point of the inner rectangle (shrunk by r); inside if within r of it.
    cx = min(max(px, x + r), x + w - r)
    cy = min(max(py, y + r), y + h - r)
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r


def rgb(colour: str):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def render(size_px: int) -> bytes:
    """RGBA rows, each shape's coverage found by supersampling, painted over transparency."""
    scale = VIEWBOX / size_px
    step = 1 / SUPERSAMPLING
    offsets = [(i + 0.5) * step for i in range(SUPERSAMPLING)]
    samples = SUPERSAMPLING * SUPERSAMPLING
    colours = [rgb(shape[5]) for shape in SHAPES]
    rows = []
    for row in range(size_px):
        line = bytearray([0])  # PNG filter type "none"
        for column in range(size_px):
            r = g = b = a = 0.0
            for shape, colour in zip(SHAPES, colours):
                hits = sum(
                    inside_rounded_rect((column + dx) * scale, (row + dy) * scale, shape)
                    for dx in offsets
                    for dy in offsets
                )
                if hits == 0:
                    continue
                coverage = hits / samples
                # "over" with premultiplied colour
                r = colour[0] * coverage + r * (1 - coverage)
                g = colour[1] * coverage + g * (1 - coverage)
                b = colour[2] * coverage + b * (1 - coverage)
                a = coverage + a * (1 - coverage)
            if a > 0:
                line += bytes((round(r / a), round(g / a), round(b / a), round(a * 255)))
            else:
                line += bytes(4)
        rows.append(bytes(line))
    return b"".join(rows)


def png(size_px: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size_px, size_px, 8, 6, 0, 0, 0)  # 8 bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(render(size_px), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    (ASSETS / "integrationsplan.svg").write_text(svg(), encoding="utf-8")
    for size_px in SIZES_PX:
        (ASSETS / f"integrationsplan-{size_px}.png").write_bytes(png(size_px))
    print("wrote assets/integrationsplan.svg and", ", ".join(f"integrationsplan-{s}.png" for s in SIZES_PX))


if __name__ == "__main__":
    main()
