"""Keeping an imported source with its set: sources/ID.txt for the text quotes are checked
against, and the original document beside it (sources/ID.original.pdf) for whoever checks it.

`origin` names the kept original (or the address it came from), so a reader of the YAML can
always find what the text was made from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.core import sections
from explorer.core.authoring import operations as op
from explorer.core.authoring.importers import Imported
from explorer.core.authoring.new_set import SOURCES_FOLDER
from explorer.core.authoring.set_editor import SetEditor

CITATION_FIELDS = ("title", "author", "publisher", "published", "url", "accessed")


@dataclass(frozen=True)
class StoredSource:
    source_id: str
    text_file: str  # relative to the set's folder, as written in `file:`
    original_file: str


def _free_stem(editor: SetEditor, stem: str, suffix: str) -> str:
    folder = editor.base / SOURCES_FOLDER
    candidate, n = stem, 2
    while not (
        editor.asset_name_free(folder / f"{candidate}.txt")
        and editor.asset_name_free(folder / f"{candidate}.original{suffix}")
    ):
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def add_imported(
    editor: SetEditor,
    imported: Imported,
    original: bytes,
    original_name: str,
    *,
    position: str,
    source_id: str | None = None,
    **fields: str,
) -> StoredSource:
    """Register the text and original as new files and add the source entry; nothing is on
    disk until `editor.commit()`, which removes the new files again if the set would not load.

    `fields` override the citation the importer read from the file (title, author, ...)."""
    cite: dict[str, str] = {key: getattr(imported.citation, key, "") for key in CITATION_FIELDS}
    cite.update({key: value for key, value in fields.items() if value is not None})
    title = cite.pop("title") or ""
    sid = op.check_id(source_id, "source") if source_id else None
    if sid is None:
        base_id = op.slug(title or Path(original_name).stem)
        sid = op.unique_id(base_id, editor.source_ids())
    suffix = Path(original_name).suffix.lower() or f".{imported.kind}"
    stem = _free_stem(editor, sid.replace("_", "-"), suffix)
    text_file = f"{SOURCES_FOLDER}/{stem}.txt"
    original_file = f"{SOURCES_FOLDER}/{stem}.original{suffix}"
    editor.add_asset(editor.base / text_file, imported.text.encode("utf-8"))
    editor.add_asset(editor.base / original_file, original)
    op.add_source(
        editor,
        sid,
        title=title,
        file=text_file,
        origin=original_file,
        position=position,
        citation={k: v for k, v in cite.items() if v},
    )
    return StoredSource(sid, text_file, original_file)


def source_text(editor: SetEditor, source_id: str) -> str | None:
    """The text a quote must come from: the stored file, or one being added in this edit."""
    _, items, i = editor.find("sources", source_id)
    name = str(items[i].get("file", ""))
    pending = editor.assets.get(editor.base / name)
    if pending is not None:
        return pending.decode("utf-8")
    if editor.result is not None:
        for src in editor.result.decision_set.sources:
            if src.id == source_id and src.path is not None:
                return sections.source_text(src)
    return None
