"""`policy-explorer brief`: the briefing PDF, written headless exactly as a pipeline would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPdfWriter
from test_cli import cli as run_cli

from explorer.core.briefing.content import Quote
from explorer.core.briefing.deck import option_of
from explorer.core.loader import load_decision_set
from explorer.ui.briefing.slides.pdf_export import A4, RESOLUTION, landscape, paint_briefing
from explorer.ui.briefing.slides.slides import SlideRenderer
from explorer.ui.state.session import Session
from explorer.ui.theme import LIGHT

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "options" / "iraq-troop-posture"
COMMUTE = ROOT / "tests" / "fixtures" / "commute"
SLIDES = 4 + 5 + 4  # the bundled set's deck: fixed slides, one per option, closing slides


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd, timeout=180)  # a PDF of every slide takes a while


def flat(text: str) -> str:
    """PDF text and source text alike: ligatures and superscripts unfolded (NFKC), whitespace
    collapsed, and a line broken after a hyphen joined again."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return re.sub(r"-\s+", "-", text)


def pages_text(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(str(path)).pages]


def shown_quotes(session: Session, path: Path) -> dict[str, list[Quote]]:
    """The quotes the PDF's option pages show, found by painting the same pages in-process."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(landscape(A4))
    renderer = SlideRenderer(session, LIGHT)
    shown: dict[str, list[Quote]] = {}
    original = renderer.paint

    def recording(painter, rect, key, footnotes=False, first_note=1):
        quotes = original(painter, rect, key, footnotes, first_note)
        shown[key] = quotes
        return quotes

    renderer.paint = recording  # type: ignore[method-assign]
    painter = QPainter(writer)
    rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    paint_briefing(painter, renderer, QRectF(0, 0, rect.width(), rect.height()), writer.newPage)
    painter.end()
    return shown


def write_profile(tmp_path: Path, briefing: str = "", set_id: str = "iraq-troop-posture") -> Path:
    weights = (BUNDLED / "profiles" / "balanced.yaml").read_text(encoding="utf-8")
    weights = weights.replace("decision_set: iraq-troop-posture", f"decision_set: {set_id}")
    path = tmp_path / "briefing-profile.yaml"
    path.write_text(weights + briefing, encoding="utf-8")
    return path


def test_brief_writes_every_slide_and_a_sources_page(tmp_path: Path, qapp):
    out = tmp_path / "briefing.pdf"
    done = cli("brief", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {SLIDES + 1} pages to {out}"
    pages = pages_text(out)
    assert len(pages) == SLIDES + 1
    assert pages[0].startswith("U.S. troop posture in Iraq What should the United States do")
    assert pages[-1].startswith("Sources cited")
    session = Session()
    session.load(BUNDLED)
    for option in session.decision_set.options:
        assert any(flat(option.name) in page for page in pages), option.name
    shown = shown_quotes(session, tmp_path / "same.pdf")
    option_pages = {k: pages[i] for i, k in enumerate(SlideRenderer(session, LIGHT).keys())}
    numbered = 0
    for key, quotes in shown.items():
        if option_of(key) is None:
            continue
        assert quotes, f"{key} shows no quote"
        for quote in quotes:
            numbered += 1
            assert flat(f"“{quote.text}”{numbered}") in option_pages[key], quote.text
            assert flat(quote.citation.title) in option_pages[key]
    # every footnoted quote's source lists that footnote on the sources page
    assert "Footnotes" in pages[-1]
    for source in session.decision_set.sources:
        assert flat(source.title) in pages[-1]
        assert source.origin not in "".join(pages)  # internal file names are no citation
        assert source.file not in "".join(pages)


def test_brief_honours_the_profiles_hidden_and_reordered_slides(tmp_path: Path):
    briefing = (
        "briefing:\n"
        "  order: [title, sources, weights, ranking, tradeoff]\n"
        "  hidden: [tradeoff, 'option:status_quo']\n"
    )
    out = tmp_path / "deck.pdf"
    done = cli(
        "brief", "--profile", str(write_profile(tmp_path, briefing)), "--out", str(out),
        "--theme", "projector",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pages = pages_text(out)
    assert len(pages) == SLIDES - 2 + 1
    assert pages[1].startswith("Sources 5 documents supply")
    assert not any(page.startswith("Tradeoff map") for page in pages)
    assert not any(page.startswith("Status quo Ranked") for page in pages)
    assert "Weighting: Balanced" in pages[0]


def test_brief_draws_the_profiles_tradeoff_axes(tmp_path: Path):
    """The map's pair the author chose, not the set's default (its first two groups)."""
    briefing = (
        "briefing:\n"
        "  views:\n"
        "    tradeoff_axes: [criterion:us_cost, criterion:iraqi_sovereignty]\n"
        "    matrix_colour: disagreement\n"
    )
    out = tmp_path / "views.pdf"
    done = cli("brief", "--profile", str(write_profile(tmp_path, briefing)), "--out", str(out))
    assert done.returncode == 0, done.stderr
    (page,) = [p for p in pages_text(out) if p.startswith("Tradeoff map")]
    assert "Cost to the United States (across) against Respect for Iraqi sovereignty (up)" in page
    assert "Security criteria (across)" not in page


def test_brief_on_another_set_with_widescreen_pages(tmp_path: Path):
    out = tmp_path / "commute.pdf"
    done = cli("brief", "--set", str(COMMUTE), "--out", str(out), "--page", "16:9")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(str(out))
    assert len(reader.pages) == 11 + 1
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, abs=0.01)
    text = flat(reader.pages[5].extract_text())
    assert text.startswith("Bus Ranked 2 of 3")
    # footnotes count on across pages: the bicycle's two quotes took 1 and 2
    assert flat("“The bus is cheaper than driving”3") in text


@pytest.mark.parametrize(
    "args, message",
    [
        (["--profile", "missing.yaml"], "missing.yaml"),
        (["--out", "no-such-folder/b.pdf"], "does not exist"),
        (["--set", str(COMMUTE), "--profile", "WRONG_SET"], "not 'commute'"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, args: list[str], message: str):
    if "WRONG_SET" in args:
        args = [str(write_profile(tmp_path)) if a == "WRONG_SET" else a for a in args]
    if "--out" not in args:
        args = [*args, "--out", str(tmp_path / "b.pdf")]
    done = cli("brief", *args, cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.tmp"))


def test_a_failed_brief_leaves_the_old_pdf_alone(tmp_path: Path):
    out = tmp_path / "b.pdf"
    out.write_bytes(b"%PDF-1.4 old")
    done = cli("brief", "--profile", str(tmp_path / "nope.yaml"), "--out", str(out))
    assert done.returncode == 1
    assert out.read_bytes() == b"%PDF-1.4 old"


def test_other_commands_stay_qt_free():
    script = (
        "import sys, explorer.cli.main; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.stdout.strip() == "False", done.stderr


LIGATURES = re.compile("[\ufb00-\ufb06]")  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ: one glyph standing for letters


def searchable(text: str) -> str:
    """PDF text as a viewer's search sees it: whitespace collapsed and a word broken across
    lines after a hyphen joined, but no Unicode folding (a ligature stays a ligature)."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def test_brief_text_is_searchable_by_pdftotext_and_pypdf(tmp_path: Path):
    """Every criterion and option name, and words a ligature used to break, are found as typed."""
    out = tmp_path / "brief.pdf"
    done = cli("brief", "--theme", "projector", "--out", str(out))
    assert done.returncode == 0, done.stderr
    ds = load_decision_set(BUNDLED).decision_set
    wanted = ["influence", "effectiveness", *ds_names(ds)]
    extracted = {"pypdf": searchable(" ".join(p.extract_text() for p in PdfReader(out).pages))}
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        run = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True, check=True)
        extracted["pdftotext"] = searchable(run.stdout)
    for tool, text in extracted.items():
        assert not LIGATURES.search(text), f"{tool} finds ligature glyphs"
        assert "Newest evidence: 2024" in text  # the sources page dates the evidence
        for word in wanted:
            assert word in text, f"{tool} cannot find {word!r}"
    if not pdftotext:
        pytest.skip("pdftotext (poppler-utils) is not installed; checked with pypdf only")


def ds_names(ds) -> list[str]:
    return [c.name for c in ds.criteria] + [o.name for o in ds.options]
