"""Each importer on a real small file of its kind, made here: text, citation, page numbers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from explorer.core.authoring.importers import ImportFailed, import_file
from explorer.core.authoring.quote_check import page_of, verbatim_quote


def make_pdf(path: Path, pages: list[list[str]], title: str, author: str, created: str) -> None:
    """A minimal but complete PDF 1.4: one Helvetica text object per page, an Info dictionary,
    and a correct cross-reference table (pypdf reads it without repairs)."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for i, lines in enumerate(pages):
        content_id = 4 + 2 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        ops = ["BT", "/F1 12 Tf", "72 770 Td", "14 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(f"<< /Title ({title}) /Author ({author}) /CreationDate ({created}) >>".encode())
    info_id = len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, info_id)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))


def make_docx(path: Path, paragraphs: list[str], title: str, creator: str, created: str) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{p}</w:t></w:r></w:p>" for p in paragraphs)
    document = f"<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='{w}'><w:body>{body}"
    document += "<w:p><w:r><w:t>Split </w:t></w:r><w:r><w:t>across runs</w:t><w:tab/>"
    document += "<w:t>after a tab.</w:t></w:r></w:p></w:body></w:document>"
    core = (
        "<?xml version='1.0' encoding='UTF-8'?><cp:coreProperties "
        "xmlns:cp='http://schemas.openxmlformats.org/package/2006/metadata/core-properties' "
        "xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:dcterms='http://purl.org/dc/terms/' "
        "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>"
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        f"<dcterms:created xsi:type='dcterms:W3CDTF'>{created}</dcterms:created>"
        "</cp:coreProperties>"
    )
    types = (
        "<?xml version='1.0' encoding='UTF-8'?><Types xmlns='http://schemas.openxmlformats.org/"
        "package/2006/content-types'><Default Extension='xml' ContentType='application/xml'/>"
        "</Types>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", document)
        archive.writestr("docProps/core.xml", core)


def test_pdf_keeps_pages_and_reads_its_citation(tmp_path):
    path = tmp_path / "report.pdf"
    make_pdf(
        path,
        [["Resetting the relationship", "The first page argues for talks."],
         ["The second page says troops should leave", "in announced phases."]],
        title="Resetting the relationship",
        author="Century International",
        created="D:20240315120000Z",
    )  # fmt: skip
    imported, raw = import_file(path)
    assert raw == path.read_bytes()
    assert imported.kind == "pdf"
    c = imported.citation
    assert (c.title, c.author, c.published) == (
        "Resetting the relationship",
        "Century International",
        "2024-03-15",
    )
    _, start = verbatim_quote(imported.text, "troops should leave in announced phases")
    assert page_of(imported.text, start) == 2
    assert page_of(imported.text, verbatim_quote(imported.text, "argues for talks")[1]) == 1


def test_docx_text_and_core_properties(tmp_path):
    path = tmp_path / "memo.docx"
    make_docx(
        path,
        ["Memo on the budget", "The plan costs two billion dollars a year."],
        title="Budget memo",
        creator="A. Analyst",
        created="2023-11-02T09:00:00Z",
    )
    imported, _ = import_file(path)
    assert imported.text.splitlines()[0] == "Memo on the budget"
    assert "The plan costs two billion dollars a year." in imported.text
    assert "Split across runs\tafter a tab." in imported.text
    c = imported.citation
    assert (c.title, c.author, c.published) == ("Budget memo", "A. Analyst", "2023-11-02")


ARTICLE = """<!doctype html><html><head><title>Tariffs | The Daily</title>
<meta property="og:title" content="Tariffs raise prices">
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://daily.example/tariffs">
<script>var tracking = "do not import me";</script><style>p {color: red}</style></head>
<body><header class="masthead"><a href="/">The Daily</a><p>Breaking news banner text.</p></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="layout"><div class="sidebar"><p>Subscribe to our newsletter for the best stories.</p>
</div><div class="story-body"><h1>Tariffs raise prices</h1>
<p class="lede">Tariffs raise prices for consumers by about 3 percent, the report found.</p>
<p>Exporters said the measures &ldquo;hurt&rdquo; trade&nbsp;badly.<p>A second paragraph without
its closing tag, as real pages have.
<div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a></div>
<ul class="related-links"><li><a href="/a">Another story</a></li><li><a href="/b">More</a></li></ul>
</div></div><div id="comments"><p>First! Great article, would read again, five stars.</p></div>
<footer><p>Copyright 2024 The Daily. All rights reserved, everywhere.</p></footer></body></html>
"""


def test_html_keeps_the_article_not_the_page_furniture(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(ARTICLE, encoding="utf-8")
    imported, _ = import_file(path)
    text = imported.text
    assert text.splitlines()[0] == "Tariffs raise prices"
    assert "Tariffs raise prices for consumers by about 3 percent, the report found." in text
    assert "Exporters said the measures “hurt” trade badly." in text  # &nbsp; is a space
    assert "A second paragraph without its closing tag, as real pages have." in text
    for furniture in ("Home", "Subscribe", "Share", "Another story", "First!", "Copyright",
                      "tracking", "color", "Breaking news"):  # fmt: skip
        assert furniture not in text, furniture
    c = imported.citation
    assert (c.title, c.author, c.publisher, c.published, c.url) == (
        "Tariffs raise prices",
        "Jane Roe",
        "The Daily",
        "2024-03-05",
        "https://daily.example/tariffs",
    )


def test_html_article_element_wins(tmp_path):
    path = tmp_path / "a.htm"
    path.write_text(
        "<html><body><div><p>" + "Menu text that is long enough to count. " * 5 + "</p></div>"
        "<article><h1>Real title</h1><p>The real article text.</p></article></body></html>"
    )
    imported, _ = import_file(path)
    assert imported.text == "Real title\n\nThe real article text.\n"


def test_markdown_front_matter_and_markup(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Field notes\nauthor: Sam Lee\ndate: 2022-07-01\n---\n"
        "# Heading one\n\nThe **bold** claim and a [link](https://x.example) here.\n\n"
        "- a list item with `code`\n> a quoted line\n",
        encoding="utf-8",
    )
    imported, _ = import_file(path)
    assert imported.text == (
        "Heading one\n\nThe bold claim and a link here.\n\na list item with code\na quoted line\n"
    )
    c = imported.citation
    assert (c.title, c.author, c.published) == ("Field notes", "Sam Lee", "2022-07-01")


def test_markdown_title_from_first_heading(tmp_path):
    path = tmp_path / "n.markdown"
    path.write_text("# The title\n\nBody.\n")
    assert import_file(path)[0].citation.title == "The title"


def test_plain_text_in_windows_encoding_with_crlf(tmp_path):
    path = tmp_path / "old.txt"
    text = "Caf\u00e9 prices rose \u201csharply\u201d.\r\n\r\n\r\nNext.\r\n"
    path.write_bytes(text.encode("cp1252"))
    imported, _ = import_file(path)
    assert imported.text == "Caf\u00e9 prices rose \u201csharply\u201d.\n\nNext.\n"
    assert imported.citation.title == ""  # a text file says nothing about itself


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.pdf", b"%PDF-1.4 garbage", "not a PDF"),
        ("x.docx", b"PK\x03\x04 not really a zip", "not a DOCX"),
        ("x.xls", b"\xd0\xcf\x11\xe0", "cannot import '.xls'"),
        ("x.txt", b"  \n\n ", "no text found"),
    ],
)
def test_unreadable_files_fail_with_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailed, match=message):
        import_file(path)


def test_docx_with_entities_is_refused(tmp_path):
    path = tmp_path / "evil.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>',
        )
    with pytest.raises(ImportFailed, match="declares entities"):
        import_file(path)
