"""Pictures drawn on the server as inline SVG: no chart library, no script.

Each kind of coverage has its own pattern and symbol besides its colour, so nothing depends on
colour alone; the templates put a visible text list or table beside every picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# kind -> (fill, pattern drawing, symbol); colours have at least 3:1 against white.
KINDS = ("matched", "related", "missing")
_SYMBOL = {"matched": "✓", "related": "≈", "missing": "✗"}
_BAR_WIDTH = 300.0
_BAR_HEIGHT = 28.0


@dataclass(frozen=True)
class Coverage:
    """How the required skills of a vacancy are covered by a person."""

    matched: int
    related: int
    missing: int

    @property
    def total(self) -> int:
        """Required skills in all."""
        return self.matched + self.related + self.missing

    def count(self, kind: str) -> int:
        """The number of one kind."""
        return int(getattr(self, kind))


def symbol(kind: str) -> str:
    """The symbol that marks a kind in text and legend."""
    return _SYMBOL[kind]


_PATTERNS = {
    "matched": '<rect width="8" height="8" fill="#1a6b37"/>',
    "related": (
        '<rect width="8" height="8" fill="#dce7f8"/><rect width="3.5" height="8" fill="#1d4f9e"/>'
    ),
    "missing": (
        '<rect width="8" height="8" fill="#ffffff"/><circle cx="4" cy="4" r="1.6" fill="#8c1d1d"/>'
    ),
}


def _patterns(uid: str, kinds: tuple[str, ...] = KINDS) -> str:
    """The fill patterns of `kinds`, with ids `{uid}-{kind}`: a page holds many pictures, so
    each picture passes its own uid and defines each id once."""
    found = []
    for kind in kinds:
        turn = ' patternTransform="rotate(45)"' if kind == "related" else ""
        found.append(
            f'<pattern id="{uid}-{kind}" width="8" height="8" patternUnits="userSpaceOnUse"{turn}>'
            f"{_PATTERNS[kind]}</pattern>"
        )
    return "<defs>" + "".join(found) + "</defs>"


def _outline(kind: str) -> str:
    return ' stroke="#8c1d1d" stroke-width="2" stroke-dasharray="4 2"' if kind == "missing" else ""


def coverage_bar(coverage: Coverage, uid: str, label: str) -> Markup:
    """A bar split into matched (solid), related (stripes) and missing (dots, dashed edge)."""
    parts = [
        f'<svg class="coverage-bar" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {_BAR_WIDTH:g} {_BAR_HEIGHT:g}" preserveAspectRatio="none" '
        'xmlns="http://www.w3.org/2000/svg">',
        _patterns(uid),
        f'<rect x="1" y="1" width="{_BAR_WIDTH - 2:g}" height="{_BAR_HEIGHT - 2:g}" '
        'fill="#ffffff" stroke="#545454" stroke-width="2"/>',
    ]
    x = 1.0
    inner = _BAR_WIDTH - 2
    for kind in KINDS:
        n = coverage.count(kind)
        if not n or not coverage.total:
            continue
        width = inner * n / coverage.total
        parts.append(
            f'<rect x="{x:.2f}" y="1" width="{width:.2f}" height="{_BAR_HEIGHT - 2:g}" '
            f'fill="url(#{uid}-{kind})"{_outline(kind)}/>'
        )
        x += width
    parts.append("</svg>")
    return Markup("".join(parts))


def swatch(kind: str, uid: str) -> Markup:
    """A small sample of a kind's pattern, for the legend beside its text (defining only that
    kind's pattern, so the three swatches of a legend share no id)."""
    edge = _outline(kind) or ' stroke="#545454" stroke-width="2"'
    return Markup(
        '<svg class="swatch" aria-hidden="true" focusable="false" viewBox="0 0 24 24" '
        f'xmlns="http://www.w3.org/2000/svg">{_patterns(uid + "-s", (kind,))}'
        f'<rect x="1" y="1" width="22" height="22" fill="url(#{uid}-s-{kind})"{edge}/></svg>'
    )


def level_cells(level: int, maximum: int = 8) -> Markup:
    """Level `level` of `maximum` as a row of cells: filled up to the level, outlined after
    (the number is always written beside it)."""
    level = max(0, min(level, maximum))
    size, gap = 18, 4
    width = maximum * (size + gap) - gap + 2
    cells = []
    for i in range(maximum):
        x = 1 + i * (size + gap)
        fill = "#1d4f9e" if i < level else "#ffffff"
        cells.append(
            f'<rect x="{x}" y="1" width="{size}" height="{size}" rx="2" fill="{fill}" '
            'stroke="#1d4f9e" stroke-width="2"/>'
        )
        if i in (1, 3, 5):  # DigComp's bands: foundation, intermediate, advanced, specialised
            cells.append(
                f'<line x1="{x + size + gap / 2}" y1="0" x2="{x + size + gap / 2}" '
                f'y2="{size + 2}" stroke="#545454" stroke-width="1"/>'
            )
    return Markup(
        f'<svg class="level-cells" aria-hidden="true" focusable="false" '
        f'viewBox="0 0 {width} {size + 2}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(cells)
        + "</svg>"
    )


def path_marker(number: int, current: bool = False) -> Markup:
    """A numbered stop on the stepping-stone path (a square for where the person is now)."""
    shape = (
        '<rect x="3" y="3" width="34" height="34" rx="4" fill="#1a6b37"/>'
        if current
        else '<circle cx="20" cy="20" r="17" fill="#ffffff" stroke="#1d4f9e" stroke-width="3"/>'
    )
    colour = "#ffffff" if current else "#1d4f9e"
    return Markup(
        '<svg class="path-marker" aria-hidden="true" focusable="false" viewBox="0 0 40 40" '
        f'xmlns="http://www.w3.org/2000/svg">{shape}'
        f'<text x="20" y="26" text-anchor="middle" font-size="18" font-weight="700" '
        f'fill="{colour}">{number}</text></svg>'
    )


def path_arrow() -> Markup:
    """The arrow between two stops of the path."""
    return Markup(
        '<svg class="path-arrow" aria-hidden="true" focusable="false" viewBox="0 0 40 24" '
        'xmlns="http://www.w3.org/2000/svg"><path d="M20 0 V16" stroke="#545454" '
        'stroke-width="3"/><path d="M12 12 L20 22 L28 12" fill="none" stroke="#545454" '
        'stroke-width="3"/></svg>'
    )


# DigComp's eight levels in the words a person uses (the coach pages keep the numbers): what
# the person can do, from not yet looked at to explaining it to others.
DIGCOMP_WORDS = ("unknown", "starting", "with_help", "on_own", "explains")


def digcomp_words(level: int) -> str:
    """The words for a DigComp level 0-8: unknown (0), starting (1), with_help (2), on_own
    (3-4), explains (5-8)."""
    if level <= 0:
        return "unknown"
    return DIGCOMP_WORDS[min(level, 3)] if level < 5 else "explains"


def word_steps(words: str) -> Markup:
    """Four steps, filled up to the words' step (none for unknown): a picture beside the words."""
    reached = DIGCOMP_WORDS.index(words)
    size, gap = 14, 4
    steps = []
    for i in range(1, len(DIGCOMP_WORDS)):
        height = 6 + i * 6
        x = (i - 1) * (size + gap) + 1
        fill = "#1d4f9e" if i <= reached else "#ffffff"
        steps.append(
            f'<rect x="{x}" y="{31 - height}" width="{size}" height="{height}" rx="2" '
            f'fill="{fill}" stroke="#1d4f9e" stroke-width="2"/>'
        )
    width = 4 * (size + gap) - gap + 2
    return Markup(
        f'<svg class="word-steps" aria-hidden="true" focusable="false" width="{width}" height="32" '
        f'viewBox="0 0 {width} 32" '
        'xmlns="http://www.w3.org/2000/svg">' + "".join(steps) + "</svg>"
    )
