"""Plain text and Markdown: decoded, and Markdown reduced to the words a reader sees.

A quote is captured from what the source says, so Markdown's markup (#, *, links' targets)
is removed; front matter, when present, supplies the citation.
"""

from __future__ import annotations

import re

from explorer.core.authoring.importers.imported import Citation, Imported, loader_date, tidy


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with a BOM, else Windows-1252, the encodings
    text files are found in; never fails (cp1252 leaves five bytes undefined: replaced)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def import_txt(raw: bytes) -> Imported:
    return Imported(tidy(decode(raw)), Citation(), "txt")


_FRONT = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_FRONT_KEYS = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "publisher": "publisher",
    "date": "published",
    "published": "published",
    "url": "url",
}
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")
_BLOCK_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)+|^\s{0,3}(?:[-*+]|\d+[.)])\s+")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _front_matter(text: str) -> tuple[Citation, str]:
    match = _FRONT.match(text)
    citation = Citation()
    if not match:
        return citation, text
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("'\"")
        if sep and field and value and not getattr(citation, field):
            setattr(citation, field, loader_date(value) if field == "published" else value)
    if citation.url and not citation.url.startswith(("https://", "http://")):
        citation.url = ""
    return citation, text[match.end() :]


def _inline(line: str) -> str:
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _CODE.sub(lambda m: m.group(1), line)
    for _ in range(3):  # nested emphasis: ***x*** is ** around *x*
        line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), line)
    return _HTML_TAG.sub("", line)


def import_md(raw: bytes) -> Imported:
    citation, body = _front_matter(decode(raw).replace("\r\n", "\n"))
    out: list[str] = []
    in_code = False
    for line in body.split("\n"):
        if _FENCE.match(line.lstrip()):
            in_code = not in_code
            continue
        if in_code:
            out.append(line)
            continue
        if _REF_DEF.match(line) or _RULE.match(line):
            out.append("")
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            if not citation.title and line.strip().startswith("="):
                citation.title = out[-1].strip()
            out.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            text = _inline(heading.group(1))
            if not citation.title and line.lstrip().startswith("# "):
                citation.title = text
            out.extend(["", text, ""])
            continue
        out.append(_inline(_BLOCK_PREFIX.sub("", line)))
    return Imported(tidy("\n".join(out)), citation, "md")
