"""Briefing chart painters: one QPainter path for images, SVG and PDF.

Every painter must draw inside its rect and nowhere else, on both example sets and in every
theme; the exported files must be what they claim (PNG of the asked size, SVG with real text,
PDF with selectable text); and the text a chart shows must follow the session.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pypdf
import pytest
from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from explorer.core import label_layout
from explorer.core.robustness import acceptability_steps, rank_acceptability
from explorer.ui import theme as themes
from explorer.ui.briefing.paint import chart_paint as cp
from explorer.ui.briefing.paint.chart_export import CHARTS, export_chart, paint_chart, render_hints
from explorer.ui.briefing.paint.paint_sensitivity import sensitivity_criterion
from explorer.ui.briefing.paint.paint_weights import weight_rows
from explorer.ui.briefing.slides.acceptability_source import briefing_acceptability
from explorer.ui.robustness.acceptability_cell import cell_text

THEMES = [themes.LIGHT, themes.DARK, *([themes.PROJECTOR] if hasattr(themes, "PROJECTOR") else [])]
SIZES = [(1024, 768), (1920, 1080), (3840, 2160)]
SETS = ["session", "bundled_session"]


def _argb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    per_line = image.bytesPerLine() // 4
    data = np.frombuffer(image.constBits(), dtype=np.uint32, count=per_line * image.height())
    return data.reshape(image.height(), per_line)[:, : image.width()].copy()


def _svg_texts(path: Path) -> list[str]:
    """Every <text> element's content, in document (drawing) order."""
    root = ET.parse(path).getroot()
    return [
        "".join(el.itertext()).strip()
        for el in root.iter()
        if el.tag.rsplit("}", 1)[-1] == "text" and "".join(el.itertext()).strip()
    ]


def _flat(text: str) -> str:
    """Wrapped lines and PDF ligatures folded back into plain single-spaced text."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


# ---- helpers --------------------------------------------------------------------------------
def test_nice_ticks_are_round_and_cover_the_range():
    assert cp.nice_ticks(0.0, 0.6, 6) == pytest.approx([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    assert cp.nice_ticks(0.0, 100.0, 4) == pytest.approx([0, 25, 50, 75, 100])
    ticks = cp.nice_ticks(-0.013, 0.037, 5)
    assert ticks == pytest.approx([-0.01, 0.0, 0.01, 0.02, 0.03])
    assert cp.tick_text(0.25, 0.25) == "0.25"
    assert cp.tick_text(0.0, 0.1) == "0"
    assert cp.tick_text(-0.01, 0.01) == "-0.01"
    assert cp.tick_text(50, 10, "%") == "50%"


def test_percent_never_rounds_a_real_share_away():
    assert cp.percent(0.0) == "0%"
    assert cp.percent(0.003) == "<1%"
    assert cp.percent(0.997) == ">99%"
    assert cp.percent(1.0) == "100%"
    assert cp.percent(0.456) == "46%"


def test_spread_separates_labels_within_bounds():
    centres = cp.spread([50, 52, 53, 200], [10, 10, 10, 10], 0, 205)
    assert centres[3] == pytest.approx(200)
    gaps = np.diff(sorted(centres))
    assert (gaps >= 10 - 1e-9).all()
    squeezed = cp.spread([95, 96, 97], [10, 10, 10], 0, 100)
    assert max(squeezed) <= 95 + 1e-9 and min(squeezed) >= 5 - 1e-9


def test_font_size_follows_the_height_and_projector_type(qapp):
    assert cp.font_px_for(1080) == pytest.approx(27)
    assert cp.font_px_for(2160) == pytest.approx(54)
    if hasattr(themes, "PROJECTOR"):
        assert cp.font_px_for(1080, themes.PROJECTOR) > cp.font_px_for(1080, themes.LIGHT)


def test_wrap_fits_the_width_and_keeps_every_word(qapp):
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = cp.make_font(20)
    name = "Phased withdrawal (federal Iraq, then Erbil)"
    lines = cp.wrap(painter, name, font, 260, 3)
    width = cp.block_width(painter, lines, font)
    painter.end()
    assert len(lines) > 1 and width <= 260
    assert " ".join(lines) == name


def test_weight_rows_follow_the_sets_groups(bundled_session):
    rows = weight_rows(bundled_session)
    ds = bundled_session.decision_set
    heads = [ds.criteria[item[0]].group for kind, item in rows if kind == "group"]
    assert heads == ["Security", "Iraq", "Influence", "Cost & feasibility"]
    assert [item for kind, item in rows if kind == "criterion"] == list(range(len(ds.criteria)))


def test_sensitivity_criterion_defaults(session):
    assert sensitivity_criterion(session) == "cost"  # equal weights: the first
    session.set_share("health", 0.6)
    session.flush()
    assert sensitivity_criterion(session) == "health"
    session.select(criterion="time")
    assert sensitivity_criterion(session) == "time"
    assert sensitivity_criterion(session, "cost") == "cost"


def test_briefing_acceptability_is_the_sessions_sampling_run(bundled_session):
    s = bundled_session
    s.set_share("personnel_risk", 0.3)
    s.flush()
    _, lows, highs = s.decision_set.matrix()
    sampling = s.sampling
    direct = rank_acceptability(
        s.problem,
        s.shares,
        lows,
        highs,
        samples=sampling.samples,
        seed=sampling.seed,
        weight_mode=sampling.weights,
        spread=sampling.spread,
        score_mode=sampling.scores,
        method=s.method,
    )
    got = briefing_acceptability(s)
    assert got.done and got.samples == sampling.samples
    np.testing.assert_array_equal(got.rank_counts, direct.rank_counts)


# ---- every painter, every set, every theme: inside its rect only --------------------------------
@pytest.mark.parametrize("fixture", SETS)
@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("name", list(CHARTS))
def test_painter_draws_inside_its_rect_only(request, fixture, theme, name):
    session = request.getfixturevalue(fixture)
    image = QImage(1024, 768, QImage.Format.Format_ARGB32)
    image.fill(QColor(theme.background))
    rect = QRectF(64, 48, 896, 672)
    painter = QPainter(image)
    render_hints(painter)
    CHARTS[name](painter, rect, session, theme, cp.font_px_for(rect.height()))
    painter.end()
    px = _argb(image)
    drawn = px != np.uint32(QColor(theme.background).rgba())
    inside = np.zeros_like(drawn)
    inside[48 : 48 + 672, 64 : 64 + 896] = True
    assert not drawn[~inside].any(), f"{name} painted outside its rect"
    assert drawn[inside].mean() > 0.01, f"{name} left its rect (nearly) empty"


@pytest.mark.parametrize("name", list(CHARTS))
def test_painters_follow_topsis(bundled_session, name, tmp_path):
    bundled_session.set_method("topsis")
    bundled_session.flush()
    path = export_chart(bundled_session, name, tmp_path / f"{name}.svg", (1280, 720))
    texts = _svg_texts(path)
    if name in ("ranking", "sensitivity"):
        assert "TOPSIS closeness (0–1)" in texts
    if name == "acceptability":
        assert any(t.endswith("· TOPSIS") for t in texts)


def test_acceptability_shows_a_live_partial_snapshot(session, tmp_path):
    _, lows, highs = session.decision_set.matrix()
    first = next(
        acceptability_steps(session.problem, session.shares, lows, highs, samples=4000, chunk=1000)
    )
    path = export_chart(
        session, "acceptability", tmp_path / "a.svg", (1600, 900), acceptability=first
    )
    assert "Sampling: 1,000 of 4,000 samples so far." in _svg_texts(path)


# ---- the text follows the session -------------------------------------------------------------
def test_ranking_lists_options_in_rank_order_with_their_totals(session, tmp_path):
    path = export_chart(session, "ranking", tmp_path / "r.svg", (1600, 900))
    texts = _svg_texts(path)
    ds, result = session.decision_set, session.result
    names = [ds.options[i].name for i in result.order]
    positions = [texts.index(n) for n in names]
    assert positions == sorted(positions)
    for i in range(len(ds.options)):
        assert f"{result.totals[i]:.2f}" in texts
    session.set_share("health", 0.8)  # bicycle's exercise now carries the day
    session.flush()
    texts = _svg_texts(export_chart(session, "ranking", tmp_path / "r.svg", (1600, 900)))
    for i in range(len(ds.options)):
        assert f"{session.result.totals[i]:.2f}" in texts
    assert "Pale segments: not assessed, counted at the scale midpoint." in texts


def test_weights_chart_shows_shares_and_group_totals(session, tmp_path):
    session.set_share("cost", 0.6)
    session.flush()
    texts = _svg_texts(export_chart(session, "weights", tmp_path / "w.svg", (1600, 900)))
    assert "Money · 60%" in texts and "Time · 20%" in texts
    # each criterion's name is followed by its bar's label
    assert texts[texts.index("Monthly cost") + 1] == "60%"
    assert texts[texts.index("Door-to-door time") + 1] == "20%"
    assert texts[texts.index("Health benefit") + 1] == "20%"
    assert "Share of the total weight (%)" in texts


def test_acceptability_cells_carry_the_sampled_shares(session, tmp_path):
    texts = _svg_texts(export_chart(session, "acceptability", tmp_path / "a.svg", (1600, 900)))
    acc = briefing_acceptability(session)
    leader = session.result.order[0]
    row = [cell_text(p) for p in acc.acceptability[leader]]
    start = texts.index(session.decision_set.options[leader].name)
    assert texts[start + 1 : start + 1 + len(row)] == row
    assert session.sampling.describe() in " ".join(texts)


def test_tornado_orders_bars_by_swing(bundled_session, tmp_path):
    s = bundled_session
    texts = _svg_texts(export_chart(s, "tornado", tmp_path / "t.svg", (1920, 1080)))
    bars = s.analysis.tornado.bars
    first = s.decision_set.criterion(bars[0].criterion).name
    assert texts[texts.index(first) + 1].endswith(f"({bars[0].low:g}–{bars[0].high:g})")
    assert f"now {s.analysis.tornado.base:.3f}" in texts


def test_sensitivity_marks_the_current_share_of_the_asked_criterion(session, tmp_path):
    session.set_share("time", 0.5)
    session.flush()
    texts = _svg_texts(
        export_chart(session, "sensitivity", tmp_path / "s.svg", (1600, 900), criterion_id="time")
    )
    assert "now 50%" in texts
    assert "Door-to-door time: share of the total weight (%)" in texts
    for option in session.decision_set.options:
        assert option.name in texts


def test_tradeoff_takes_the_asked_axes(session, tmp_path):
    path = export_chart(
        session, "tradeoff", tmp_path / "m.svg", (1600, 900), x="criterion:health", y="group:Money"
    )
    texts = _svg_texts(path)
    assert "Health benefit (0 = worst, 1 = best)" in texts
    assert "Group: Money (0 = worst, 1 = best)" in texts
    for option in session.decision_set.options:
        assert option.name in texts


def _svg_text_positions(path: Path) -> list[tuple[str, float, float]]:
    """(text, x, y) of every <text>, through its group's transform matrix."""
    out = []
    for group in ET.parse(path).getroot().iter():
        if group.tag.rsplit("}", 1)[-1] != "g":
            continue
        found = re.findall(r"[-\d.e]+", group.get("transform", "matrix(1,0,0,1,0,0)"))
        a, b, c, d, e, f = (float(v) for v in found) if len(found) == 6 else (1, 0, 0, 1, 0, 0)
        for el in group:
            if el.tag.rsplit("}", 1)[-1] == "text" and "".join(el.itertext()).strip():
                x, y = float(el.get("x", 0)), float(el.get("y", 0))
                out.append(("".join(el.itertext()).strip(), a * x + c * y + e, b * x + d * y + f))
    return out


@pytest.mark.parametrize("size", [(1024, 768), (3840, 2160)])
def test_tradeoff_names_are_placed_clear_and_drawn_where_placed(
    bundled_session, tmp_path, monkeypatch, size
):
    """The slide uses the core placement: every name shown, none over another name or point,
    and each drawn inside the box the placement gave it."""
    calls = []
    real = label_layout.place_labels

    def recording(*args, **kw):
        calls.append((args, kw, real(*args, **kw)))
        return calls[-1][2]

    monkeypatch.setattr(label_layout, "place_labels", recording)
    path = export_chart(bundled_session, "tradeoff", tmp_path / "t.svg", size)
    ((centres, radii, sizes, bounds, order), _, layout) = calls[0]
    names = [o.name for o in bundled_session.decision_set.options]
    assert layout.shown.all() and sorted(order) == list(range(len(names)))
    boxes = layout.boxes
    for i, box in enumerate(boxes):
        np.testing.assert_allclose(box[2:] - box[:2], sizes[i])
        assert bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] <= box[3]
        assert box[3] <= bounds[3]
        for j in range(len(names)):
            near = np.clip(centres[j], box[:2], box[2:])
            assert np.hypot(*(near - centres[j])) >= radii[j] - 1e-6, (i, j)
            other = boxes[j]
            apart = box[2] <= other[0] or other[2] <= box[0] or box[3] <= other[1]
            assert i == j or apart or other[3] <= box[1], (i, j)
        drawn = [
            (x, y)
            for text, x, y in _svg_text_positions(path)
            if len(text) > 3 and names[i].startswith(text.rstrip("…"))
        ]
        h = box[3] - box[1]
        # left-aligned inside the box's padding: drawn where it was placed, not merely near it
        assert any(0 <= x - box[0] <= 0.25 * h and box[1] <= y <= box[3] for x, y in drawn), i


# ---- files ------------------------------------------------------------------------------------
def test_export_png_has_the_requested_size(bundled_session, tmp_path):
    path = export_chart(bundled_session, "ranking", tmp_path / "ranking.png", (1200, 700))
    image = QImage(str(path))
    assert not image.isNull() and (image.width(), image.height()) == (1200, 700)
    assert [p.name for p in tmp_path.iterdir()] == ["ranking.png"]  # no temp file left


@pytest.mark.parametrize("name", ["ranking", "tradeoff", "acceptability", "sensitivity"])
def test_export_svg_is_xml_with_every_option_name(bundled_session, tmp_path, name):
    path = export_chart(bundled_session, name, tmp_path / f"{name}.svg", (1920, 1080))
    root = ET.parse(path).getroot()
    assert root.get("viewBox") == "0 0 1920 1080"
    text = _flat(" ".join(_svg_texts(path)))
    for option in bundled_session.decision_set.options:
        assert option.name in text


def test_export_replaces_atomically_and_refuses_bad_requests(session, tmp_path):
    target = tmp_path / "chart.svg"
    target.write_text("old")
    export_chart(session, "weights", target, (800, 600))
    assert target.read_text().startswith("<?xml")
    with pytest.raises(ValueError):
        export_chart(session, "weights", tmp_path / "chart.gif")
    with pytest.raises(KeyError):
        export_chart(session, "pie", target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg"]


def test_pdf_ranking_is_vector_with_selectable_names(bundled_session, tmp_path):
    path = tmp_path / "ranking.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(300)
    painter = QPainter(writer)
    render_hints(painter)
    # device units throughout: 1 unit = 1/300 inch, fonts sized in the same units
    paint_chart(
        painter,
        QRectF(0, 0, writer.width(), writer.height()),
        bundled_session,
        "ranking",
        themes.LIGHT,
    )
    painter.end()
    page = pypdf.PdfReader(path).pages[0]
    text = _flat(page.extract_text())
    for option in bundled_session.decision_set.options:
        assert option.name in text
    assert "Weighted-sum score (0–1)" in text
    assert len(page.images) == 0  # no pixmap anywhere: bars and text are vector


# ---- screenshots to look at -------------------------------------------------------------------
def test_write_briefing_screenshots(bundled_session, output_dir, drawn):
    folder = output_dir / "briefing"
    folder.mkdir(exist_ok=True)
    for theme in THEMES:
        for w, h in SIZES:
            for name in CHARTS:
                path = export_chart(
                    bundled_session,
                    name,
                    folder / f"{name}-{w}x{h}-{theme.name}.png",
                    (w, h),
                    theme,
                )
                image = QImage(str(path))
                assert (image.width(), image.height()) == (w, h)
                drawn(image, path.name)


def test_a_slides_leader_line_is_drawn_in_its_options_colour(
    session, tmp_path, monkeypatch, count_pixels
):
    """As on screen: a grey leader ran along the point's grey range bar, unseen."""
    real = label_layout.place_labels
    placed = []

    def with_leader(centres, radii, sizes, bounds, order, **kw):
        layout = real(centres, radii, sizes, bounds, order, **kw)
        leaders = layout.leaders.copy()
        cx, cy = centres[0]
        leaders[0] = (cx, cy + radii[0], cx, cy + radii[0] + 60)
        placed.append((cx, cy + radii[0]))
        return dataclasses.replace(layout, leaders=leaders)

    monkeypatch.setattr(label_layout, "place_labels", with_leader)
    path = export_chart(session, "tradeoff", tmp_path / "t.png", (1600, 900))
    (x, top), colour = placed[0], themes.option_colour(0)
    strip = QImage(str(path)).copy(round(x) - 1, round(top) + 10, 3, 40)  # along the leader
    assert count_pixels(strip, colour, tolerance=40) >= 30, colour.name()
