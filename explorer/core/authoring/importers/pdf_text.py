"""A PDF's text, page by page, with a form feed between pages so a quote can cite its page.

pypdf (pure Python) extracts the text. A form feed is whitespace to the quote check, so a quote
running across a page break still matches; `quote_check.page_of` counts them.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from explorer.core.authoring.importers.imported import (
    Citation,
    Imported,
    ImportFailed,
    loader_date,
    tidy,
)
from explorer.core.authoring.quote_check import PAGE_BREAK

MAX_PAGES = 2000


def import_pdf(raw: bytes) -> Imported:
    from pypdf import PdfReader  # a runtime dependency, loaded only when a PDF is imported
    from pypdf.errors import PdfReadError

    # pypdf logs every recoverable oddity of real-world PDFs as a warning; the text is what
    # matters here, and an unrecoverable file raises
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailed("the PDF is password-protected")
        if len(reader.pages) > MAX_PAGES:
            raise ImportFailed(f"the PDF has more than {MAX_PAGES} pages")
        pages = [tidy(page.extract_text() or "") for page in reader.pages]
        info: Any = reader.metadata or {}
    except ImportFailed:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportFailed(f"not a PDF this app can read ({type(exc).__name__}: {exc})") from None
    if not any(page.strip() for page in pages):
        raise ImportFailed("the PDF has no text layer (a scan?): run OCR on it first")
    text = f"\n{PAGE_BREAK}\n".join(page.rstrip("\n") for page in pages) + "\n"

    def meta(key: str) -> str:
        value = info.get(key)
        return " ".join(str(value).split()) if value else ""

    citation = Citation(
        title=meta("/Title"),
        author=meta("/Author"),
        # the creation date is the nearest thing a PDF records to a publication date
        published=loader_date(meta("/CreationDate")),
    )
    return Imported(text, citation, "pdf")
