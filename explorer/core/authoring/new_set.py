"""Starting a decision set: empty, from a small worked template, or as a copy of another set.

A copy carries the source texts it quotes (a bundled set finds them among the app's resources),
so it loads on its own anywhere; that is how the bundled set is edited without touching it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from explorer.core.authoring import operations as op
from explorer.core.authoring.set_editor import EditError, SetEditor
from explorer.core.loader import HEADER_FILE, LoadResult, load_decision_set
from explorer.core.model import DecisionSet
from explorer.core.problems import display_path
from explorer.core.profiles.atomic import create_atomic

SOURCES_FOLDER = "sources"


def new_set(
    folder: Path,
    title: str,
    question: str,
    set_id: str | None = None,
    description: str = "",
    template: bool = False,
) -> SetEditor:
    """Create the set's folder with its header (and, for `template`, two criteria and two
    options to rename and rewrite); returns the editor, committed."""
    folder = Path(folder)
    editor = SetEditor.create(folder)
    sid = op.check_id(set_id, "set") if set_id else op.slug(title or folder.name)
    editor.add_doc(editor.header_path, op.header_data(sid, title, question, description))
    if template:
        _fill_template(editor)
    editor.commit()
    return editor


def _fill_template(editor: SetEditor) -> None:
    op.add_criterion(
        editor,
        "cost",
        "Cost",
        "Money, time and effort the option needs from those who must carry it out.",
        "lower_is_better",
        min_label="Negligible cost",
        max_label="Very high, open-ended cost",
    )
    op.add_criterion(
        editor,
        "effectiveness",
        "Effectiveness",
        "How far the option achieves what the question asks for.",
        "higher_is_better",
        min_label="Achieves nothing",
        max_label="Fully achieves the aim",
    )
    op.add_option(
        editor,
        "first_option",
        "First option",
        "What this option does, in two or three sentences. Rename it and say what it is.",
        actions=["The first concrete step this option takes"],
    )
    op.add_option(
        editor,
        "second_option",
        "Second option",
        "An alternative to the first, described the same way.",
        actions=["The first concrete step this option takes"],
    )


def copy_set(
    source: LoadResult, folder: Path, title: str | None = None, set_id: str | None = None
) -> LoadResult:
    """Copy a loaded set's YAML files, their source texts and its profiles into a new folder."""
    ds = source.decision_set
    origin = ds.location
    if origin is None:
        raise EditError("the set has no location to copy from")
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise EditError(f"{display_path(folder)} already exists and is not an empty folder")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if origin.is_dir():
            for path in origin.iterdir():
                if path.suffix in {".yaml", ".yml"} and path.is_file():
                    create_atomic(folder / path.name, path.read_bytes())
            if (origin / "profiles").is_dir():
                shutil.copytree(origin / "profiles", folder / "profiles")
        else:
            create_atomic(folder / HEADER_FILE, origin.read_bytes())
        for src in ds.sources:
            target = folder / src.file
            if src.path is not None and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                create_atomic(target, src.path.read_bytes())
        for original in _originals(origin, ds):
            target = folder / original
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                create_atomic(target, (_base(origin) / original).read_bytes())
        editor = SetEditor.open(folder)
        if title:
            op.set_header(editor, "title", title)
        if set_id:
            editor.header["id"] = op.check_id(set_id, "set")
        return editor.commit() if editor.dirty else load_decision_set(folder, draft=True)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _base(origin: Path) -> Path:
    return origin if origin.is_dir() else origin.parent


def _originals(origin: Path, ds: DecisionSet) -> list[str]:
    """Kept original documents (PDF, DOCX...) named as a source's origin beside the set."""
    out = []
    for src in ds.sources:
        candidate = _base(origin) / src.origin
        if src.origin and "/" in src.origin and candidate.is_file():
            try:
                candidate.resolve().relative_to(_base(origin).resolve())
            except ValueError:
                continue
            out.append(src.origin)
    return out
