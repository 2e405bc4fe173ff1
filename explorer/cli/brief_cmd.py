"""`policy-explorer brief`: the briefing PDF without a window, for scripts and servers.

The PDF is painted by Qt, so this is the one subcommand that starts Qt — a QGuiApplication,
created here and only here, so every other command stays Qt-free and starts fast. With no
display it runs on Qt's offscreen platform (QT_QPA_PLATFORM=offscreen is set unless the caller
chose a platform). The profile is opened exactly as the window opens it, so its weights,
method, sources lens and briefing arrangement (hidden and reordered slides) all apply.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from explorer.cli.commands import load_set
from explorer.core.model import DecisionSet
from explorer.core.problems import LoadError, display_path
from explorer.core.profiles import Profile, load_profile

THEME_NAMES = ("light", "dark", "projector")
PAGE_NAMES = ("a4", "16:9")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "brief",
        help="write the briefing as a PDF: one slide per page, cited quotes, sources at the end",
    )
    p.add_argument("--set", dest="set_path", help="decision-set file or folder (default: bundled)")
    p.add_argument(
        "--profile", help="weighting profile (YAML): weights, method, sources lens, slide choice"
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument("--theme", choices=THEME_NAMES, default="light")
    p.add_argument(
        "--page", choices=PAGE_NAMES, default="a4", help="landscape A4 or a 16:9 slide page"
    )
    p.set_defaults(func=run)
    return p


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _check_out(out: Path) -> str | None:
    if out.is_dir():
        return f"{display_path(out)} is a folder; --out needs a file name"
    folder = out.parent
    if not folder.is_dir():
        return f"cannot write {display_path(out)}: folder {display_path(folder)} does not exist"
    return None


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    problem = _check_out(out)
    if problem:
        return _fail(problem)
    loaded = load_set(args.set_path)
    if loaded is None:
        return 1
    profile = None
    if args.profile:
        try:
            profile = load_profile(Path(args.profile))
        except LoadError as exc:
            return _fail("; ".join(str(p) for p in exc.problems) or str(exc))
        except OSError as exc:
            return _fail(f"cannot read profile {args.profile}: {exc.strerror or exc}")
    return _write(args, loaded.decision_set, profile, out)


def _write(
    args: argparse.Namespace, decision_set: DecisionSet, profile: Profile | None, out: Path
) -> int:
    """Qt starts here, after every check that needs no Qt has passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from explorer.ui.briefing.slides.pdf_export import A4, WIDESCREEN, write_pdf
    from explorer.ui.state.session import Session
    from explorer.ui.theme import THEMES

    app = QGuiApplication.instance() or QGuiApplication(["policy-explorer"])
    app.setApplicationName("policy-explorer")
    session = Session()
    session.set_decision_set(decision_set)
    if profile is not None:
        try:
            applied = session.open_profile(profile)
        except LoadError as exc:
            return _fail("; ".join(str(p) for p in exc.problems) or str(exc))
        for note in applied.notes:
            print(note, file=sys.stderr)
    session.flush()
    page = WIDESCREEN if args.page == "16:9" else A4
    try:
        pages = write_pdf(session, out, THEMES[args.theme], page)
    except OSError as exc:
        return _fail(f"cannot write {display_path(out)}: {exc.strerror or exc}")
    print(f"wrote {pages} pages to {display_path(out)}")
    return 0
