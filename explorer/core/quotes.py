"""Finding a quote in its source text, tolerant only of whitespace and typographic punctuation.

A quote is verbatim or it is not evidence; the only freedom allowed is the kind a copy-paste
introduces (curly vs straight quotes, en/em dashes vs hyphens, line breaks and runs of spaces).
"""

from __future__ import annotations

from functools import lru_cache

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def normalise(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHIC).split())


@lru_cache(maxsize=8)
def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text plus, for each of its characters, the index it came from in `text`.

    Cached per text: the viewer locates dozens of quotes in the same source, and normalising
    a source costs ~0.15 s per MB.
    """
    out: list[str] = []
    index: list[int] = []
    pending_space = False
    for i, ch in enumerate(text.translate(_TYPOGRAPHIC)):
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            index.append(i - 1)
            pending_space = False
        out.append(ch)
        index.append(i)
    return "".join(out), index


def find_quote(text: str, quote: str, start: int = 0) -> tuple[int, int] | None:
    """(start, end) of `quote` in `text` in original character offsets, or None if absent."""
    needle = normalise(quote)
    if not needle:
        return None
    haystack, index = _normalise_with_map(text)
    begin = 0
    if start:
        begin = next((k for k, i in enumerate(index) if i >= start), len(haystack))
    pos = haystack.find(needle, begin)
    if pos < 0:
        return None
    return index[pos], index[pos + len(needle) - 1] + 1


def contains_quote(text: str, quote: str) -> bool:
    needle = normalise(quote)
    return bool(needle) and needle in normalise(text)
