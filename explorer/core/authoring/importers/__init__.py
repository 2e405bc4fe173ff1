"""Turning a source document into the plain text quotes are checked against.

One entry point, `import_file`, picks the importer by the file's extension (then by its first
bytes, for a PDF or DOCX saved under another name).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from explorer.core.authoring.importers.docx_text import import_docx
from explorer.core.authoring.importers.html_article import import_html
from explorer.core.authoring.importers.imported import (
    MAX_ORIGINAL_BYTES,
    Citation,
    Imported,
    ImportFailed,
)
from explorer.core.authoring.importers.pdf_text import import_pdf
from explorer.core.authoring.importers.plain_text import import_md, import_txt
from explorer.core.input_files import FileRefused, read_regular
from explorer.core.sections import MAX_SOURCE_BYTES

IMPORTERS: dict[str, Callable[[bytes], Imported]] = {
    ".txt": import_txt,
    ".text": import_txt,
    ".md": import_md,
    ".markdown": import_md,
    ".html": import_html,
    ".htm": import_html,
    ".xhtml": import_html,
    ".pdf": import_pdf,
    ".docx": import_docx,
}
SUFFIXES = tuple(IMPORTERS)

__all__ = ["SUFFIXES", "Citation", "ImportFailed", "Imported", "import_bytes", "import_file"]


def import_bytes(raw: bytes, suffix: str) -> Imported:
    importer: Callable[[bytes], Imported] | None
    if raw.startswith(b"%PDF-"):
        importer = import_pdf
    elif raw.startswith(b"PK\x03\x04") and suffix.lower() != ".docx":
        importer = import_docx
    else:
        importer = IMPORTERS.get(suffix.lower())
    if importer is None:
        raise ImportFailed(
            f"cannot import '{suffix or 'no extension'}' files (known: {', '.join(SUFFIXES)})"
        )
    imported = importer(raw)
    if not imported.text.strip():
        raise ImportFailed("no text found in the file")
    if len(imported.text.encode("utf-8")) > MAX_SOURCE_BYTES:
        raise ImportFailed(f"its text is over {MAX_SOURCE_BYTES} bytes, more than a source holds")
    return imported


def import_file(path: Path) -> tuple[Imported, bytes]:
    """The file's text and citation, and its bytes (kept beside the text as the original)."""
    try:
        raw = read_regular(Path(path), MAX_ORIGINAL_BYTES)
    except FileRefused as exc:
        raise ImportFailed(str(exc)) from None
    return import_bytes(raw, Path(path).suffix), raw
