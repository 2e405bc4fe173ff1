"""The article in a saved web page: its text without menus, footers, sidebars or scripts.

The page is parsed (stdlib html.parser, forgiving of real-world markup) into a small tree. The
article is the page's <article> or <main> when it marks one; otherwise the element whose
paragraphs hold the most text, the measure readability-style extractors use. Inside it, page
furniture is dropped: navigation, header, footer and aside elements, blocks whose class or id
names them as such (menu, share, related, comments...), and blocks that are mostly links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from explorer.core.authoring.importers.imported import Citation, Imported, loader_date, tidy
from explorer.core.authoring.importers.plain_text import decode

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}  # fmt: skip
_NEVER_TEXT = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
               "select", "button", "form", "input", "textarea", "head", "title"}  # fmt: skip
_FURNITURE_TAGS = {"nav", "header", "footer", "aside", "menu", "dialog"}
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                    "menu", "menubar", "alert"}  # fmt: skip
_FURNITURE_NAMES = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|breadcrumbs?|footer|header|masthead|sidebar|side-bar|widget|"
    r"share|sharing|social|related|recommended|newsletter|subscribe|signup|promo|advert|ad|ads|"
    r"banner|cookie|consent|popup|modal|comments?|disqus|tags|byline-share|skip|toolbar)"
    r"($|[-_\s])",
    re.I,
)
_CONTENT_NAMES = re.compile(r"article|story|content|post-body|entry", re.I)
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1",
           "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "figure",
           "figcaption", "br", "hr", "address", "body", "html"}  # fmt: skip
_IMPLIED_END = {  # an open <p> ends where a block starts, an <li> where the next begins
    "p": {"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "blockquote"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr"},
    "td": {"td", "th", "tr"},
    "th": {"td", "th", "tr"},
    "option": {"option"},
}


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Element | str] = field(default_factory=list)
    parent: _Element | None = None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#root", {})
        self.stack = [self.root]
        self.meta: dict[str, str] = {}
        self.title = ""
        self.canonical = ""
        self.times: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content") and key not in self.meta:
                self.meta[key] = values["content"].strip()
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href", "")
        elif tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"])
        elif tag == "title":
            self._in_title = True
        top = self.stack[-1]
        while top.tag in _IMPLIED_END and tag in _IMPLIED_END[top.tag] and len(self.stack) > 1:
            self.stack.pop()
            top = self.stack[-1]
        element = _Element(tag, values, parent=top)
        top.children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.stack[-1].children.append(data)


def _elements(node: _Element) -> Iterator[_Element]:
    for child in node.children:
        if isinstance(child, _Element):
            yield child
            yield from _elements(child)


def _is_furniture(el: _Element) -> bool:
    if el.tag in _NEVER_TEXT or el.tag in _FURNITURE_TAGS:
        return True
    if el.attrs.get("role", "").lower() in _FURNITURE_ROLES or "hidden" in el.attrs:
        return True
    if el.attrs.get("aria-hidden") == "true":
        return True
    names = f"{el.attrs.get('class', '')} {el.attrs.get('id', '')}"
    if el.tag in {"body", "html", "main", "article", "p"}:
        return False
    return bool(_FURNITURE_NAMES.search(names)) and not _CONTENT_NAMES.search(names)


def _text_len(node: _Element, links_only: bool = False, in_link: bool = False) -> int:
    total = 0
    for child in node.children:
        if isinstance(child, str):
            if in_link or not links_only:
                total += len(" ".join(child.split()))
        elif child.tag not in _NEVER_TEXT:
            total += _text_len(child, links_only, in_link or child.tag == "a")
    return total


def _main_element(root: _Element) -> _Element:
    articles = [e for e in _elements(root) if e.tag == "article"]
    if articles:
        return max(articles, key=_text_len)
    marked = [e for e in _elements(root) if e.tag == "main" or e.attrs.get("role") == "main"]
    if marked:
        return max(marked, key=_text_len)
    scores: dict[int, tuple[float, _Element]] = {}
    for el in _elements(root):
        if el.tag != "p" or any(_is_furniture(a) for a in _ancestors(el)):
            continue
        length = _text_len(el)
        if length < 25:
            continue
        for weight, holder in ((1.0, el.parent), (0.5, el.parent and el.parent.parent)):
            if holder is not None:
                old = scores.get(id(holder), (0.0, holder))[0]
                scores[id(holder)] = (old + weight * length, holder)
    if not scores:
        body = next((e for e in _elements(root) if e.tag == "body"), None)
        return body or root
    return max(scores.values(), key=lambda s: s[0])[1]


def _ancestors(el: _Element) -> Iterator[_Element]:
    node = el.parent
    while node is not None:
        yield node
        node = node.parent


def _mostly_links(el: _Element) -> bool:
    if el.tag not in {"ul", "ol", "div", "section", "table", "dl", "p"}:
        return False
    total = _text_len(el)
    return total > 0 and _text_len(el, links_only=True) > 0.5 * total


def _render(el: _Element, out: list[str], pre: bool = False) -> None:
    for child in el.children:
        if isinstance(child, str):
            out.append(child if pre else re.sub(r"\s+", " ", child))
            continue
        if _is_furniture(child) or _mostly_links(child):
            continue
        block = child.tag in _BLOCKS
        if block:
            out.append("\n\n")
        if child.tag == "li":
            out.append("• ")
        if child.tag in {"td", "th"}:
            out.append(" ")
        _render(child, out, pre or child.tag == "pre")
        if block:
            out.append("\n\n")


def _article_text(el: _Element) -> str:
    parts: list[str] = []
    _render(el, parts)
    paragraphs = re.split(r"\n\s*\n", "".join(parts))
    return tidy("\n\n".join(p.strip(" \t") for p in paragraphs if p.strip()))


def import_html(raw: bytes) -> Imported:
    builder = _TreeBuilder()
    builder.feed(decode(raw))
    builder.close()
    meta = builder.meta
    main = _main_element(builder.root)
    text = _article_text(main)
    heading = next((e for e in _elements(main) if e.tag == "h1"), None)
    title = (
        meta.get("og:title")
        or meta.get("twitter:title")
        or (heading and " ".join(_article_text(heading).split()))
        or " ".join(builder.title.split())
    )
    author = meta.get("author") or meta.get("article:author") or meta.get("dc.creator") or ""
    if author.startswith(("https://", "http://")):  # a profile page, not a name
        author = ""
    published = next(
        (
            loader_date(v)
            for v in (
                meta.get("article:published_time"),
                meta.get("date"),
                meta.get("dc.date"),
                meta.get("citation_publication_date"),
                *builder.times[:1],
            )
            if v and loader_date(v)
        ),
        "",
    )
    url = meta.get("og:url") or builder.canonical
    citation = Citation(
        title=title or "",
        author=author,
        publisher=meta.get("og:site_name") or meta.get("publisher") or "",
        published=published,
        url=url if url.startswith(("https://", "http://")) else "",
    )
    return Imported(text, citation, "html")
