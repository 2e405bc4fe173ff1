"""A Word document's text: a DOCX is a zip of XML, and its words are the w:t runs of w:p
paragraphs in word/document.xml; title, author and date are in docProps/core.xml.

Read with the standard library only. The XML parts are bounded in size before parsing, and
ElementTree expands no external entities, so a hostile file cannot reach outside itself.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from explorer.core.authoring.importers.imported import (
    Citation,
    Imported,
    ImportFailed,
    loader_date,
    tidy,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
MAX_PART_BYTES = 50 * 1024 * 1024


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ImportFailed(f"{name} inside the DOCX is over {MAX_PART_BYTES} bytes")
    data = archive.read(info)
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise ImportFailed(f"{name} inside the DOCX declares entities (not a Word document)")
    return ElementTree.fromstring(data)


def _paragraph(p: ElementTree.Element) -> str:
    out = []
    for node in p.iter():
        if node.tag == f"{W}t" and node.text:
            out.append(node.text)
        elif node.tag == f"{W}tab":
            out.append("\t")
        elif node.tag in {f"{W}br", f"{W}cr"}:
            out.append("\n")
    return "".join(out)


def import_docx(raw: bytes) -> Imported:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        body = _part(archive, "word/document.xml")
        core = _part(archive, "docProps/core.xml")
    except (zipfile.BadZipFile, ElementTree.ParseError, EOFError, ValueError) as exc:
        raise ImportFailed(f"not a DOCX this app can read ({exc})") from None
    if body is None:
        raise ImportFailed("not a Word document (no word/document.xml inside)")
    paragraphs = [_paragraph(p) for p in body.iter(f"{W}p")]
    citation = Citation()
    if core is not None:

        def value(tag: str) -> str:
            node = core.find(tag)
            return " ".join((node.text or "").split()) if node is not None else ""

        citation = Citation(
            title=value(f"{DC}title"),
            author=value(f"{DC}creator"),
            published=loader_date(value(f"{DCTERMS}created")),
        )
    return Imported(tidy("\n\n".join(paragraphs)), citation, "docx")
