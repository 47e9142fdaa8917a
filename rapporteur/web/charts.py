"""Small charts drawn on the server as inline SVG: no JavaScript, no network.

Every label is escaped; colours come from CSS classes (`bar-answered`, ...) so the page's
stylesheet controls them and the Content-Security-Policy needs no inline styles.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape


def bar_chart(
    title: str,
    rows: Sequence[tuple[str, int, str]],
    *,
    width: int = 440,
    label_width: int = 190,
    row_height: int = 22,
) -> Markup:
    """Horizontal bars: rows of (label, value, css class suffix)."""
    if not rows:
        return Markup("")
    top = max(value for _, value, _ in rows) or 1
    span = width - label_width - 44
    height = row_height * len(rows) + 4
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, value, klass) in enumerate(rows):
        y = i * row_height + 2
        bar = round(value / top * span) if value else 0
        shown = label if len(label) <= 25 else label[:24] + "…"
        parts.append(
            f'<text class="chart-label" x="{label_width - 6}" y="{y + 15}" '
            f'text-anchor="end">{escape(shown)}</text>'
            f'<rect class="bar bar-{escape(klass)}" x="{label_width}" y="{y + 3}" '
            f'width="{bar}" height="{row_height - 7}" rx="2"/>'
            f'<text class="chart-value" x="{label_width + bar + 5}" y="{y + 15}">{value}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_bar(
    parts: Sequence[tuple[str, int]], *, width: int = 120, height: int = 12, title: str = ""
) -> Markup:
    """One thin bar split by (css class suffix, value): answered/partial/unanswered."""
    total = sum(value for _, value in parts)
    if not total:
        return Markup("")
    out = [
        f'<svg class="stack" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    x = 0.0
    for klass, value in parts:
        if not value:
            continue
        w = value / total * width
        out.append(
            f'<rect class="bar bar-{escape(klass)}" x="{x:.1f}" y="0" width="{w:.1f}" '
            f'height="{height}"/>'
        )
        x += w
    out.append("</svg>")
    return Markup("".join(out))
