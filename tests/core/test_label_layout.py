"""Name placement for scatter charts: clear of every other point and name, inside the plot, the
same answer every time, the most important names first."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core.label_layout import (
    KEEP,
    LABEL_LIMIT,
    POSITIONS,
    LabelLayout,
    naming_order,
    place_labels,
)

BOUNDS = (0.0, 0.0, 800.0, 500.0)
KINDS = ["iraq", "grid", "wheel", "diagonal", "column", "edges"]


def _position(layout: LabelLayout, i: int) -> str:
    return POSITIONS[int(layout.slot[i]) % 8][0]


def _covers_disc(box: np.ndarray, centre: np.ndarray, r: float) -> bool:
    nearest = np.clip(centre, box[:2], box[2:])
    return float(np.hypot(*(nearest - centre))) < r - 1e-9


def _intersect(a: np.ndarray, b: np.ndarray) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _assert_clean(
    layout: LabelLayout, centres: np.ndarray, radii: np.ndarray, sizes: np.ndarray
) -> None:
    """Every shown box: its measured size, inside the bounds, off every disc (its own too) and
    off every other shown box."""
    shown = np.flatnonzero(layout.shown).tolist()
    for i in shown:
        box = layout.boxes[i]
        np.testing.assert_allclose(box[2:] - box[:2], sizes[i])
        assert box[0] >= BOUNDS[0] and box[1] >= BOUNDS[1], i
        assert box[2] <= BOUNDS[2] and box[3] <= BOUNDS[3], i
        for j in range(len(centres)):
            assert not _covers_disc(box, centres[j], radii[j]), (i, j)
        for j in shown:
            assert j == i or not _intersect(box, layout.boxes[j]), (i, j)
        if not np.isnan(layout.leaders[i, 0]):  # a leader line crosses no other name or point
            ends = layout.leaders[i].reshape(2, 2)
            for t in np.linspace(0.0, 1.0, 101):
                at = ends[0] + t * (ends[1] - ends[0])
                for j in shown:
                    b = layout.boxes[j]
                    inside = b[0] + 0.5 < at[0] < b[2] - 0.5 and b[1] + 0.5 < at[1] < b[3] - 0.5
                    assert not inside, ("leader", i, "name", j)
                for j in range(len(centres)):
                    off = np.hypot(*(at - centres[j])) >= radii[j] - 0.5
                    assert j == i or off, ("leader", i, "disc", j)


def _cluster(kind: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points in pixels with their disc radii and name sizes."""
    if kind == "iraq":  # the bundled set's default map at ~800×500: four points in a knot
        centres = np.array([[546, 195], [528, 220], [436, 195], [546, 271], [309, 360.0]])
        widths = [290, 285, 215, 140, 85]
    elif kind == "grid":  # 3×3 points 60 px apart
        centres = np.array([[340 + 60 * (k % 3), 190 + 60 * (k // 3)] for k in range(9)], float)
        widths = [120, 90, 150, 60, 110, 80, 140, 100, 70]
    elif kind == "wheel":  # eight points around a ninth, 70 px out
        angles = np.linspace(0, 2 * np.pi, 8, endpoint=False)
        ring = np.column_stack([400 + 70 * np.cos(angles), 250 + 70 * np.sin(angles)])
        centres = np.vstack([[400, 250], ring])
        widths = [130] + [90] * 8
    elif kind == "diagonal":  # a staircase of long names, each 30 px from the next
        centres = np.array([[200 + 30 * k, 400 - 30 * k] for k in range(8)], float)
        widths = [180] * 8
    elif kind == "column":  # six points stacked 16 px apart: names alternate sides
        centres = np.array([[400, 200 + 16 * k] for k in range(6)], float)
        widths = [100] * 6
    else:  # "edges": points in the plot's corners and against its sides
        centres = np.array([[5, 5], [795, 5], [5, 495], [795, 495], [400, 3], [797, 250.0]])
        widths = [160] * 6
    radii = np.full(len(centres), 5.0 if kind == "column" else 11.0)
    sizes = np.column_stack([widths, np.full(len(centres), 20.0)])
    return centres, radii, sizes


@pytest.mark.parametrize("kind", KINDS)
def test_clusters_are_named_without_overlap(kind: str) -> None:
    centres, radii, sizes = _cluster(kind)
    order = list(range(len(centres)))
    layout = place_labels(centres, radii, sizes, BOUNDS, order)
    assert layout.shown.all()  # few names: every one is shown
    _assert_clean(layout, centres, radii, sizes)


@pytest.mark.parametrize("kind", KINDS)
def test_same_input_same_layout(kind: str) -> None:
    centres, radii, sizes = _cluster(kind)
    order = list(range(len(centres)))[::-1]
    a = place_labels(centres, radii, sizes, BOUNDS, order)
    b = place_labels(centres.copy(), radii.copy(), sizes.copy(), BOUNDS, list(order))
    np.testing.assert_array_equal(a.boxes, b.boxes)
    np.testing.assert_array_equal(a.slot, b.slot)


def test_a_lone_name_goes_right_and_left_against_the_right_edge() -> None:
    centres, radii, sizes = np.array([[100.0, 100.0]]), np.array([5.0]), np.array([[60.0, 14.0]])
    layout = place_labels(centres, radii, sizes, BOUNDS, [0])
    assert _position(layout, 0) == "right"
    np.testing.assert_allclose(layout.boxes[0], [109, 93, 169, 107])  # 5 px radius + 4 px gap
    assert np.isnan(layout.leaders[0]).all()
    edge = place_labels(np.array([[790.0, 100.0]]), radii, sizes, BOUNDS, [0])
    assert _position(edge, 0) == "left"
    np.testing.assert_allclose(edge.boxes[0], [721, 93, 781, 107])


def test_first_in_order_gets_first_choice() -> None:
    # two points 5 px apart: whoever comes first takes the right, the other dodges
    centres = np.array([[100.0, 100.0], [100.0, 105.0]])
    radii, sizes = np.array([5.0, 5.0]), np.array([[60.0, 14.0]] * 2)
    a = place_labels(centres, radii, sizes, BOUNDS, [0, 1])
    assert [_position(a, 0), _position(a, 1)] == ["right", "left"]
    b = place_labels(centres, radii, sizes, BOUNDS, [1, 0])
    assert [_position(b, 1), _position(b, 0)] == ["right", "left"]


def test_a_name_boxed_in_moves_out_on_a_leader_line() -> None:
    # a small point ringed by eight big ones: none of its eight spots is clear, but a line
    # can pass between two of them
    angles = np.linspace(0, 2 * np.pi, 8, endpoint=False) + np.pi / 8
    around = np.column_stack([400 + 40 * np.cos(angles), 250 + 40 * np.sin(angles)])
    centres = np.vstack([[400, 250], around, [417, 233]])  # and a dot on the first way out
    radii = np.array([6.0] + [14.0] * 8 + [2.5])
    sizes = np.array([[70.0, 16.0]] * 10)
    layout = place_labels(centres, radii, sizes, BOUNDS, [0])
    assert layout.shown.tolist() == [True] + [False] * 9
    assert layout.slot[0] >= 8  # beyond the first ring
    _assert_clean(layout, centres, radii, sizes)
    x0, y0, x1, y1 = layout.leaders[0]
    assert np.hypot(x0 - 400, y0 - 250) == pytest.approx(6.0)  # starts at the point's edge
    box = layout.boxes[0]
    assert box[0] <= x1 <= box[2] and box[1] <= y1 <= box[3]  # and ends on the name


def test_a_name_that_cannot_fit_takes_the_least_overlap_and_stays_inside() -> None:
    # a plot barely larger than the name: it must overlap the other point, but stays shown
    centres = np.array([[30.0, 20.0], [70.0, 20.0]])
    radii, sizes = np.array([6.0, 6.0]), np.array([[90.0, 16.0], [20.0, 16.0]])
    layout = place_labels(centres, radii, sizes, (0, 0, 100, 40), [0])
    assert layout.shown[0]
    box = layout.boxes[0]
    assert box[0] >= 0 and box[2] <= 100 and box[1] >= 0 and box[3] <= 40


def test_beyond_the_kept_names_a_name_is_dropped_rather_than_overlapped() -> None:
    rng = np.random.default_rng(3)
    centres = rng.uniform((20, 20), (780, 480), (200, 2))
    radii = rng.uniform(5, 17, 200)
    sizes = np.column_stack([rng.uniform(60, 220, 200), np.full(200, 20.0)])
    order = list(range(200))
    layout = place_labels(centres, radii, sizes, BOUNDS, order, keep=0, most=200)
    assert 0 < layout.shown.sum() < 200
    _assert_clean(layout, centres, radii, sizes)
    # names stop once they cover the plot's fill share, and at most `most` are tried
    covered = (sizes[:, 0] * sizes[:, 1])[layout.shown].sum()
    assert covered < 0.35 * 800 * 500 + sizes.prod(axis=1).max()
    few = place_labels(centres, radii, sizes, BOUNDS, order, keep=0, most=5)
    assert few.shown.sum() <= 5 and not few.shown[5:].any()


def test_kept_names_are_shown_even_in_a_crowd() -> None:
    rng = np.random.default_rng(4)
    centres = rng.uniform((20, 20), (780, 480), (200, 2))
    radii, sizes = np.full(200, 12.0), np.array([[200.0, 20.0]] * 200)
    order = list(range(200))
    layout = place_labels(centres, radii, sizes, BOUNDS, order)
    assert layout.shown[:KEEP].all()
    assert layout.shown.sum() <= LABEL_LIMIT  # `most` defaults to the label limit


def test_preferred_spot_is_kept_while_clear() -> None:
    centres, radii, sizes = np.array([[100.0, 100.0]]), np.array([5.0]), np.array([[60.0, 14.0]])
    upper_left = [p[0] for p in POSITIONS].index("upper left")
    kept = place_labels(centres, radii, sizes, BOUNDS, [0], prefer=np.array([upper_left]))
    assert _position(kept, 0) == "upper left"
    # not clear any more (another point sits there): back to the first clear choice
    blocked = place_labels(
        np.vstack([centres, [[70.0, 80.0]]]),
        np.array([5.0, 8.0]),
        np.vstack([sizes, [[10.0, 10.0]]]),
        BOUNDS,
        [0],
        prefer=np.array([upper_left, -1]),
    )
    assert _position(blocked, 0) == "right"


def test_naming_order_puts_the_selected_first_then_by_rank() -> None:
    order = [2, 0, 3, 1]  # best first
    assert naming_order(order, [2, 3]) == [2, 0, 3, 1]
    assert naming_order(order, [2, 3], selected=1) == [1, 2, 0, 3]
    many = list(range(LABEL_LIMIT + 5))[::-1]
    assert naming_order(many, [7, 3]) == [7, 3]
    assert naming_order(many, [7, 3], selected=20) == [20, 7, 3]


def test_nothing_to_name() -> None:
    layout = place_labels(np.zeros((3, 2)), np.ones(3), np.ones((3, 2)), BOUNDS, [])
    assert not layout.shown.any() and (layout.slot == -1).all() and np.isnan(layout.boxes).all()
