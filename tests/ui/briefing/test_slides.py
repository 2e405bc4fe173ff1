"""Briefing slides: every slide fits any rect with nothing clipped or overlapping, shows the live
analysis, honours the deck, and cites its quotes inline or as footnotes."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from explorer.core.briefing.deck import DeckSettings, option_key
from explorer.ui.briefing.slides.slide_option import sentences
from explorer.ui.briefing.slides.slides import SlideRenderer
from explorer.ui.state.session import Session
from explorer.ui.theme import DARK, LIGHT, PROJECTOR, Theme

SIZES = [(1024, 768), (1920, 1080), (3840, 2160)]
SENTINEL = QColor("#FF00FF")
EPS = 0.51


def render(
    session: Session, key: str, size: tuple[int, int], theme: Theme = LIGHT, **kw
) -> tuple[SlideRenderer, QImage, list]:
    renderer = SlideRenderer(session, theme, date(2025, 3, 7))
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(SENTINEL)
    painter = QPainter(image)
    quotes = renderer.paint(painter, QRectF(0, 0, *size), key, **kw)
    painter.end()
    return renderer, image, quotes


def texts(renderer: SlideRenderer) -> list[str]:
    return [text for _, text in renderer.placed]


def assert_laid_out(renderer: SlideRenderer, rect: QRectF) -> None:
    """Every line inside the slide, none overlapping another."""
    boxes = [(box, text) for box, text in renderer.placed if text.strip()]
    assert boxes
    inner = rect.adjusted(-EPS, -EPS, EPS, EPS)
    for box, text in boxes:
        assert inner.contains(box), f"{text!r} at {box} leaves {rect}"
    for k, (a, ta) in enumerate(boxes):
        shrunk = a.adjusted(EPS, EPS, -EPS, -EPS)
        for b, tb in boxes[k + 1 :]:
            assert not shrunk.intersects(b.adjusted(EPS, EPS, -EPS, -EPS)), f"{ta!r} / {tb!r}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_fits_at_every_size(bundled_session: Session, output_dir: Path, size):
    folder = output_dir / "briefing" / "slides"
    folder.mkdir(parents=True, exist_ok=True)
    renderer = SlideRenderer(bundled_session, LIGHT)
    keys = renderer.keys()
    assert len(keys) == 4 + 5 + 4
    for key in keys:
        painted, image, _ = render(bundled_session, key, size)
        assert_laid_out(painted, QRectF(0, 0, *size))
        corner = image.pixelColor(size[0] - 1, 0)
        assert corner == QColor(LIGHT.background), key  # the slide fills its rect
        image.save(str(folder / f"{key.replace(':', '-')}-{size[0]}x{size[1]}.png"))


@pytest.mark.parametrize("theme", [DARK, PROJECTOR], ids=lambda t: t.name)
def test_themes_and_a_slide_offset_in_a_larger_canvas(bundled_session, output_dir, theme):
    """Painted into a rect inside a bigger image, nothing lands outside the rect."""
    folder = output_dir / "briefing" / "slides"
    folder.mkdir(parents=True, exist_ok=True)
    renderer = SlideRenderer(bundled_session, theme)
    rect = QRectF(40, 30, 1024, 768)
    keys = renderer.keys()
    for key in keys:
        image = QImage(1104, 828, QImage.Format.Format_ARGB32)
        image.fill(SENTINEL)
        painter = QPainter(image)
        renderer.paint(painter, rect, key)
        painter.end()
        assert_laid_out(renderer, rect)
        for x, y in ((39, 400), (1064, 400), (500, 29), (500, 798), (0, 0), (1103, 827)):
            assert image.pixelColor(x, y) == SENTINEL, (key, x, y)
        assert image.pixelColor(41, 31) == QColor(theme.background)
        if key in ("title", "option:refocus_mission", "robustness"):
            image.save(str(folder / f"{theme.name}-{key.replace(':', '-')}.png"))


def test_slides_fit_a_portrait_rect(bundled_session):
    for key in ("option:refocus_mission", "sources", "robustness", "title"):
        renderer, _, _ = render(bundled_session, key, (800, 1100))
        assert_laid_out(renderer, QRectF(0, 0, 800, 1100))


def test_option_slide_shows_standing_drivers_and_cited_quotes(session: Session):
    renderer, _, quotes = render(session, "option:bus", (1920, 1080))
    shown = texts(renderer)
    assert "Bus" in shown
    assert "Ranked 2 of 3 · total 0.43 · Weighted sum" in shown
    assert "Monthly cost" in shown  # its top driver
    joined = " ".join(shown)
    assert "Not assessed: Health benefit" in joined
    assert [q.text for q in quotes] == [
        "The bus is cheaper than driving",
        "slower than both",
        'Some riders say the bus is "reliable enough" - others call it the slowest way in.',
    ]
    for q in quotes:  # on screen each quote is credited inline, whole
        assert f"“{q.text}”" in joined
    assert "Commuting note (2024) · on Door-to-door time" in shown


def test_footnotes_number_quotes_on_from_first_note(session: Session):
    renderer, _, quotes = render(session, "option:bus", (1403, 992), footnotes=True, first_note=7)
    shown = texts(renderer)
    joined = " ".join(shown)
    assert len(quotes) == 3
    assert "“The bus is cheaper than driving”⁷" in joined
    assert "⁹" in joined and "¹⁰" not in joined
    # the three quotes share one source: one footnote names all three numbers
    assert "7, 8, 9. “Commuting note,” 2024." in shown
    assert not any("commute-note.txt" in line for line in shown)  # a file name is no citation
    assert "Commuting note (2024) · on Door-to-door time" not in shown


def test_slides_follow_the_session(session: Session):
    renderer, _, _ = render(session, "option:car", (1024, 768))
    assert "Ranked 3 of 3 · total 0.30 · Weighted sum" in texts(renderer)
    session.set_weights([0, 1, 0])  # time only: the car is fastest
    session.flush()
    renderer, _, _ = render(session, "option:car", (1024, 768))
    assert "Ranked 1 of 3 · total 0.80 · Weighted sum" in texts(renderer)
    renderer, _, _ = render(session, "ranking", (1024, 768))
    assert any(t.startswith("Car leads with 0.80") for t in texts(renderer))


def test_switching_a_source_off_removes_its_quotes(session: Session):
    session.set_source_weight("note", 0.0)
    session.flush()
    _, _, quotes = render(session, "option:bike", (1920, 1080))
    assert quotes == []
    renderer, _, _ = render(session, "sources", (1920, 1080))
    assert any("switched off" in t for t in texts(renderer))
    renderer, _, _ = render(session, "title", (1920, 1080))
    assert any("switched off: Commuting note" in t for t in texts(renderer))


def test_keys_and_titles_follow_the_deck(session: Session):
    renderer = SlideRenderer(session, LIGHT)
    keys = renderer.keys()
    assert keys == [
        "title",
        "weights",
        "ranking",
        "tradeoff",
        "option:bike",
        "option:bus",
        "option:car",
        "robustness",
        "methods",
        "reliance",
        "sources",
    ]
    assert [renderer.title(k) for k in keys[3:7]] == ["Tradeoff map", "Bicycle", "Bus", "Car"]
    order = ["title", option_key("car"), *[k for k in keys if k not in ("title", "option:car")]]
    session.set_deck(DeckSettings().with_order(order).with_hidden("tradeoff", True))
    shown = renderer.keys()
    assert shown[:2] == ["title", "option:car"]
    assert "tradeoff" not in shown
    assert "tradeoff" in renderer.keys(include_hidden=True)
    painted, _, _ = render(session, "option:car", (1024, 768))
    assert "2 / 10" in texts(painted)  # its place in the deck as shown
    painted, _, _ = render(session, "tradeoff", (1024, 768))
    assert "Hidden" in texts(painted)


def test_title_slide_names_the_profile(session: Session):
    renderer, _, _ = render(session, "title", (1920, 1080))
    shown = texts(renderer)
    assert "How should a city commuter get to work?" in shown
    assert "Weighting: Current weighting (not saved)" in shown
    assert "Weighted sum · 7 March 2025" in shown
    assert not any(line.startswith("by ") for line in shown)
    saved = replace(
        session.current_profile(name="Frugal"),
        author="A. Analyst",
        description="Money first:\n the household budget is tight.",
    )
    session.mark_saved(saved)
    renderer, _, _ = render(session, "title", (1920, 1080))
    shown = texts(renderer)
    assert "Weighting: Frugal" in shown and "by A. Analyst" in shown
    assert "Money first: the household budget is tight." in shown
    session.set_weights([5, 1, 1])
    session.flush()
    renderer, _, _ = render(session, "title", (1920, 1080))
    assert "Weighting: Frugal, modified" in texts(renderer)


def test_no_set_paints_a_blank_slide(qapp):
    renderer, image, quotes = render(Session(), "title", (640, 360))
    assert quotes == [] and renderer.keys() == []
    assert image.pixelColor(10, 10) == QColor(LIGHT.background)


def test_option_slides_come_in_rank_order_until_the_user_reorders(session: Session):
    renderer = SlideRenderer(session, LIGHT, date(2025, 3, 7))
    ds = session.decision_set

    def option_keys() -> list[str]:
        keys = renderer.keys()
        return [k for k in keys if k.startswith("option:")]

    seen = set()
    for weights in ([1, 1, 1], [10, 1, 1], [1, 10, 1], [1, 1, 10]):
        session.set_weights(weights)
        session.flush()
        ranked = [f"option:{ds.options[int(i)].id}" for i in session.result.order]
        assert option_keys() == ranked  # the leader first
        seen.add(tuple(ranked))
    assert len(seen) > 1  # the weightings rank the options differently
    # an order the user set stays as set, whatever the ranking does next
    chosen = list(reversed(renderer.keys()))
    session.set_deck(session.deck.with_order(chosen))
    session.set_weights([10, 1, 1])
    session.flush()
    assert renderer.keys() == chosen


JARGON = ("seed", "app's", "robustness view", "Sources tab", ".txt", "spread ")


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_no_slide_speaks_jargon_or_points_to_the_app(bundled_session: Session, size):
    """An audience sees the slide, not the app: no run settings, no pointers to other views,
    no file names."""
    session = bundled_session
    keys = SlideRenderer(session, LIGHT).keys()
    for key in keys:
        renderer, _, _ = render(session, key, size)
        for line in texts(renderer):
            for word in JARGON:
                assert word not in line, f"{key}: {line!r}"


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (800, 450), (640, 480), (720, 1280)])
def test_option_summaries_are_whole_sentences(bundled_session: Session, size):
    """A summary too long for its box loses whole sentences, never the end of one."""
    ds = bundled_session.decision_set
    for option in ds.options:
        renderer, _, _ = render(bundled_session, f"option:{option.id}", size)
        shown = texts(renderer)
        start = next(k for k, line in enumerate(shown) if option.summary.startswith(line))
        lines = []
        for line in shown[start:]:
            if line not in option.summary:
                break
            lines.append(line)
        said = re.sub(r"(?<=-) ", "", " ".join(lines))  # a line broken after a hyphen
        whole = [" ".join(sentences(option.summary)[:k]) for k in range(1, 99)]
        assert said in whole, f"{option.id} at {size}: {said[-60:]!r}"


def test_elided_names_stay_distinct(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from explorer.ui.widgets.text_fit import elide_distinct

    fm = QFontMetrics(QFont())
    names = ["Risk of escalation into a wider war", "Risk of escalation at sea", "Cost"]
    width = fm.horizontalAdvance("Risk of escalation i")
    plain = [fm.elidedText(n, Qt.TextElideMode.ElideRight, width) for n in names[:2]]
    assert plain[0] == plain[1]  # the plain way makes the first two alike
    shown = elide_distinct(names, fm, width)
    assert len(set(shown)) == 3 and shown[2] == "Cost"


def test_sources_slide_says_how_old_the_newest_evidence_is(bundled_session: Session):
    renderer = SlideRenderer(bundled_session, LIGHT, date(2026, 12, 3))
    image = QImage(1280, 720, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    renderer.paint(painter, QRectF(0, 0, 1280, 720), "sources")
    painter.end()
    joined = " ".join(texts(renderer))
    assert "Evidence may be out of date. Newest evidence: 2024 (1–2 years old)." in joined
    fresh = SlideRenderer(bundled_session, LIGHT, date(2025, 3, 7))
    image.fill(SENTINEL)
    painter = QPainter(image)
    fresh.paint(painter, QRectF(0, 0, 1280, 720), "sources")
    painter.end()
    joined = " ".join(texts(fresh))
    assert "Newest evidence: 2024" in joined and "out of date" not in joined
