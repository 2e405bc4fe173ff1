"""Where each option's name goes on a scatter chart: beside its point, clear of every other point
and every other name.

One placement serves the live tradeoff map and the briefing's slide, so a name sits in the same
place on screen and on the slide. All lengths are the caller's pixels, y down. Names are placed
greedily in priority order (the selected option, then by rank), so the names that matter most get
the best spots. Each tries eight positions around its point, right and left first (a name beside
its point reads as a row), then the diagonals, then above and below. One of the first few names
that finds no clear spot moves further out, joined to its point by a leader line that itself
crosses no point, name or other line; only when that fails too does it take the spot that
overlaps least. Later names are dropped rather than overlapped: on a crowded chart the tooltip
names a point, an overlapped name names nothing.

The live map re-runs this on every slider tick, so it must stay cheap: per name one vectorised
test against the discs (on many points, only those near it) and a plain loop over the few names
placed so far, and no more names than fit (5 options: ~0.1 ms; 200: ~1-1.5 ms).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

# The eight positions in preference order, y down: (name, x direction, y direction).
POSITIONS = (
    ("right", 1, 0),
    ("left", -1, 0),
    ("upper right", 1, -1),
    ("upper left", -1, -1),
    ("lower right", 1, 1),
    ("lower left", -1, 1),
    ("above", 0, -1),
    ("below", 0, 1),
)
RINGS = 4  # ring 0 is beside the point; 1..3 are further out, on a leader line
LABEL_LIMIT = 30  # above this many options only the efficient and selected ones are named
KEEP = 12  # up to this many names are always shown, overlapping if nothing else works
FILL = 0.35  # beyond the kept names, stop once names cover this share of the plot
_CHUNK = 16  # names whose disc tests are done in one vectorised pass

_DX = np.array([p[1] for p in POSITIONS], dtype=float)
_DY = np.array([p[2] for p in POSITIONS], dtype=float)
_DIAG = np.where((_DX != 0) & (_DY != 0), np.sqrt(0.5), 1.0)  # a diagonal's corner on the circle
_STEP_X, _STEP_Y = _DX * _DIAG, _DY * _DIAG
_ANCHOR_X = np.where(_DX > 0, 0.0, np.where(_DX < 0, 1.0, 0.5))  # share of the width left of x
_ANCHOR_Y = np.where(_DY > 0, 0.0, np.where(_DY < 0, 1.0, 0.5))


@dataclass(frozen=True)
class LabelLayout:
    """Per option (the caller's order): where its name goes, if anywhere."""

    boxes: np.ndarray  # (n, 4) left, top, right, bottom; NaN where not shown
    shown: np.ndarray  # (n,) bool
    slot: np.ndarray  # (n,) position index + 8 × ring; -1 where not shown (feed back as `prefer`)
    leaders: np.ndarray  # (n, 4) x0, y0, x1, y1 from the point's edge to its name; NaN if beside


def naming_order(
    order: Iterable[int],
    efficient: Iterable[int],
    selected: int | None = None,
    limit: int = LABEL_LIMIT,
) -> list[int]:
    """The options to name, most important first: the selected one, then best-ranked first.

    Up to `limit` options every one is named; beyond it the chart is a cloud, and only the
    efficient options (the ones a tradeoff is about) and the selected one are.
    """
    ranked = [int(i) for i in order]
    named = set(ranked) if len(ranked) <= limit else {int(i) for i in efficient}
    first = [selected] if selected is not None and selected in ranked else []
    return first + [i for i in ranked if i in named and i != selected]


def place_labels(
    centres: np.ndarray,
    radii: np.ndarray,
    sizes: np.ndarray,
    bounds: tuple[float, float, float, float],
    order: Sequence[int],
    *,
    gap: float = 4.0,
    spacing: float = 2.0,
    keep: int = KEEP,
    fill: float = FILL,
    most: int = LABEL_LIMIT,
    prefer: np.ndarray | None = None,
) -> LabelLayout:
    """Boxes for the names of the options in `order`, placed in that order.

    centres (n, 2) and radii (n,) are every option's disc (point plus any ring around it): no
    name may cover one. sizes (n, 2) are the names' boxes (width, height); bounds are the plot's
    left, top, right, bottom, and every box is kept inside. A name sits `gap` off its disc and
    `spacing` from other names. The first `keep` names are always shown; the rest only where a
    clear spot exists, until names cover `fill` of the plot, and at most `most` are tried.
    `prefer` (a previous layout's slots) keeps a name where it was while that spot stays clear,
    so names do not hop from side to side as points glide past each other in a slider drag.
    """
    centres = np.asarray(centres, dtype=float).reshape(-1, 2)
    radii = np.asarray(radii, dtype=float).reshape(-1)
    sizes = np.asarray(sizes, dtype=float).reshape(-1, 2)
    n = len(centres)
    boxes = np.full((n, 4), np.nan)
    leaders = np.full((n, 4), np.nan)
    slot = np.full(n, -1, dtype=int)
    names = [int(k) for k in order][: max(most, 0)]
    limits = tuple(float(b) for b in bounds)
    room = max((limits[2] - limits[0]) * (limits[3] - limits[1]), 1.0)
    discs = (centres[:, 0], centres[:, 1], radii * radii)
    wanted = [-1] * n if prefer is None else [int(s) for s in prefer][:n] + [-1] * n
    board = _Board(discs, spacing)
    covered = 0.0
    for start in range(0, len(names), _CHUNK):
        chunk = names[start : start + _CHUNK]
        if start >= keep and covered >= fill * room:
            break
        idx = np.array(chunk)
        cands = _candidates(centres[idx], sizes[idx], radii[idx] + gap, limits)
        clear = _clear_of_discs(cands, discs).tolist()
        near = cands.tolist()
        for c, i in enumerate(chunk):
            required = start + c < keep
            if not required and covered >= fill * room:
                break
            k = board.first_free(near[c], clear[c], wanted[i])
            if k >= 0:
                box = cands[c, k]
            elif required:
                k, box = _further_out(i, centres, sizes, radii, gap, limits, board, wanted[i])
            else:
                continue
            boxes[i], slot[i] = box, k
            leaders[i] = _leader(centres[i], radii[i], box, gap)
            board.add(box, leaders[i])
            covered += sizes[i, 0] * sizes[i, 1]
    return LabelLayout(boxes, slot >= 0, slot, leaders)


class _Board:
    """What is on the chart so far: every option's disc, the names placed (grown by their
    spacing) and their leader lines; new names and lines must keep clear of all of it."""

    def __init__(self, discs: tuple[np.ndarray, ...], spacing: float) -> None:
        self.discs = discs
        self.spacing = spacing
        self.boxes: list[tuple[float, float, float, float]] = []
        self.lines: list[tuple[float, float, float, float]] = []

    def add(self, box: np.ndarray, leader: np.ndarray) -> None:
        s = self.spacing
        self.boxes.append((box[0] - s, box[1] - s, box[2] + s, box[3] + s))
        if not np.isnan(leader[0]):
            x0, y0, x1, y1 = (float(v) for v in leader)
            self.lines.append((x0, y0, x1, y1))

    def box_free(self, box: Sequence[float]) -> bool:
        left, top, right, bottom = box
        if any(left < r and right > lf and top < b and bottom > t for lf, t, r, b in self.boxes):
            return False
        return not any(_crosses_box(line, box) for line in self.lines)

    def first_free(self, cands: list[list[float]], clear: list[bool], wanted: int) -> int:
        """The first position (the wanted one first) clear of every disc, name and line."""
        for k in ([wanted] if 0 <= wanted < 8 else []) + list(range(8)):
            if clear[k] and self.box_free(cands[k]):
                return k
        return -1

    def line_free(self, line: np.ndarray, own: int) -> bool:
        """A leader line misses every other disc, every placed name and every other line."""
        x, y, r2 = self.discs
        x0, y0, x1, y1 = (float(v) for v in line)
        segment = (x0, y0, x1, y1)
        dx, dy = x1 - x0, y1 - y0
        t = np.clip(((x - x0) * dx + (y - y0) * dy) / max(dx * dx + dy * dy, 1e-9), 0.0, 1.0)
        hit = (x0 + t * dx - x) ** 2 + (y0 + t * dy - y) ** 2 < r2
        hit[own] = False
        if hit.any() or any(_crosses_box(segment, box) for box in self.boxes):
            return False
        return not any(_crosses_line(segment, other) for other in self.lines)

    def overlap(self, cands: np.ndarray) -> np.ndarray:
        """Per candidate: the area it shares with the names placed so far."""
        if not self.boxes:
            return np.zeros(len(cands))
        b = np.array(self.boxes)
        ox = np.minimum(cands[:, 2:3], b[:, 2]) - np.maximum(cands[:, 0:1], b[:, 0])
        oy = np.minimum(cands[:, 3:4], b[:, 3]) - np.maximum(cands[:, 1:2], b[:, 1])
        return (np.maximum(ox, 0.0) * np.maximum(oy, 0.0)).sum(axis=1)


def _candidates(
    centres: np.ndarray, sizes: np.ndarray, dist: np.ndarray, bounds: tuple[float, ...]
) -> np.ndarray:
    """(names, 8, 4): the eight boxes per name `dist` from its centre (a diagonal's near corner
    on that circle), slid inside the bounds; a name's start wins when it is wider than the plot.
    """
    lo_x, lo_y, hi_x, hi_y = bounds
    w, h, d = sizes[:, 0:1], sizes[:, 1:2], dist.reshape(-1, 1)
    left = centres[:, 0:1] + _STEP_X * d - _ANCHOR_X * w
    top = centres[:, 1:2] + _STEP_Y * d - _ANCHOR_Y * h
    left = np.maximum(np.minimum(left, hi_x - w), lo_x)
    top = np.maximum(np.minimum(top, hi_y - h), lo_y)
    return np.stack([left, top, left + w, top + h], axis=-1)


def _disc_cost(cands: np.ndarray, discs: tuple[np.ndarray, ...]) -> np.ndarray:
    """Per candidate box (any leading shape): how far it cuts into discs, 0 = clear of all.

    r² − d² for the box's nearest point at distance d: grows with both depth and disc size.
    """
    x, y, r2 = discs
    nx = np.maximum(np.minimum(x, cands[..., 2:3]), cands[..., 0:1]) - x
    ny = np.maximum(np.minimum(y, cands[..., 3:4]), cands[..., 1:2]) - y
    return np.maximum(r2 - nx * nx - ny * ny, 0.0).sum(axis=-1)


def _clear_of_discs(cands: np.ndarray, discs: tuple[np.ndarray, ...]) -> np.ndarray:
    """(names, 8) bool: which candidate boxes stay clear of every disc.

    With many points, each name is first matched with the discs near any of its candidates
    (a cheap box test), so the exact test runs on a few discs per name, not on all of them.
    """
    if len(discs[0]) <= _CHUNK * 2:
        return _disc_cost(cands, discs) <= 0.0
    x, y, r2 = discs
    r = np.sqrt(r2)
    near = (x + r > cands[:, :, 0].min(axis=1, keepdims=True)) & (
        x - r < cands[:, :, 2].max(axis=1, keepdims=True)
    )
    near &= (y + r > cands[:, :, 1].min(axis=1, keepdims=True)) & (
        y - r < cands[:, :, 3].max(axis=1, keepdims=True)
    )
    name, disc = np.nonzero(near)  # sorted by name
    clear = np.ones(cands.shape[:2], dtype=bool)
    if name.size:
        cost = _disc_cost(
            cands[name], (x[disc, None, None], y[disc, None, None], r2[disc, None, None])
        )
        starts = np.flatnonzero(np.r_[True, name[1:] != name[:-1]])
        clear[name[starts]] = np.add.reduceat(cost, starts, axis=0) <= 0.0
    return clear


def _further_out(
    i: int,
    centres: np.ndarray,
    sizes: np.ndarray,
    radii: np.ndarray,
    gap: float,
    bounds: tuple[float, ...],
    board: _Board,
    wanted: int,
) -> tuple[int, np.ndarray]:
    """A name that must show but has no clear spot beside its point: the first clear spot
    further out whose leader line crosses nothing, else the first clear spot, else the spot of
    least overlap. Returns (slot, box)."""
    step = max(float(sizes[i, 1]), 12.0)
    dist = radii[i] + gap + step * np.arange(RINGS)
    centre, size = centres[i : i + 1].repeat(RINGS, 0), sizes[i : i + 1].repeat(RINGS, 0)
    cands = _candidates(centre, size, dist, bounds).reshape(-1, 4)  # ring by ring
    x, y, r2 = board.discs
    r = np.sqrt(r2)
    near = (x + r > cands[:, 0].min()) & (x - r < cands[:, 2].max())
    near &= (y + r > cands[:, 1].min()) & (y - r < cands[:, 3].max())
    cost = _disc_cost(cands, (x[near], y[near], r2[near])) + board.overlap(cands)
    free = [k for k in np.flatnonzero(cost <= 0.0).tolist() if board.box_free(cands[k])]
    if wanted in free:
        free.insert(0, wanted)
    for k in free:
        line = _leader(centres[i], radii[i], cands[k], gap)
        if np.isnan(line[0]) or board.line_free(line, i):
            return k, cands[k]
    k = free[0] if free else int(np.argmin(cost))  # first of equal costs: preference order
    return k, cands[k]


def _crosses_box(line: Sequence[float], box: Sequence[float]) -> bool:
    """Whether a segment passes through a box's interior (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = line
    left, top, right, bottom = box
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0.0:
            if q <= 0.0:
                return False
        else:
            t = q / p
            if p < 0.0:
                lo = max(lo, t)
            else:
                hi = min(hi, t)
    return lo < hi


def _crosses_line(a: Sequence[float], b: Sequence[float]) -> bool:
    """Whether two segments cross (touching ends do not count)."""

    def side(px: float, py: float, qx: float, qy: float, rx: float, ry: float) -> float:
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    d1 = side(b[0], b[1], b[2], b[3], a[0], a[1])
    d2 = side(b[0], b[1], b[2], b[3], a[2], a[3])
    d3 = side(a[0], a[1], a[2], a[3], b[0], b[1])
    d4 = side(a[0], a[1], a[2], a[3], b[2], b[3])
    return d1 * d2 < 0.0 and d3 * d4 < 0.0


def _leader(centre: np.ndarray, r: float, box: np.ndarray, gap: float) -> np.ndarray:
    """A line from the disc's edge to the nearest point of a name that is not beside its point
    (moved out along a ring, or slid far along the plot's edge); NaN for a name beside it."""
    cx, cy = float(centre[0]), float(centre[1])
    ex, ey = min(max(cx, box[0]), box[2]), min(max(cy, box[1]), box[3])
    dist = float(np.hypot(ex - cx, ey - cy))
    if dist <= r + 2.5 * gap:
        return np.full(4, np.nan)
    ux, uy = (ex - cx) / dist, (ey - cy) / dist
    return np.array([cx + ux * r, cy + uy * r, ex, ey])
