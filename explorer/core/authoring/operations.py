"""The edits an author makes to a decision set, each on the round-trip tree of its files.

Each function changes only the nodes it is about, so what is written back differs from the file
only there. They check what the loader cannot know (an id that is not there, one already taken);
everything the loader checks (scales, required fields, quotes) is left to `SetEditor.commit`, so
the rules and their messages stay in one place.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap

from explorer.core import sections
from explorer.core.authoring.quote_check import verbatim_quote
from explorer.core.authoring.roundtrip import number, styled_like, to_tree
from explorer.core.authoring.set_editor import EditError, SetEditor
from explorer.core.fields import ID_PATTERN
from explorer.core.loader import SCHEMA_VERSION
from explorer.core.model import Direction, Stance

UNCHANGED: Any = object()  # a keyword left at this keeps the field as it is
CELL_ORDER = ("score", "low", "high", "rationale", "evidence")
_NUMBERED = re.compile(r"^(\d+)-")


def check_id(value: str, kind: str) -> str:
    value = value.strip()
    if not ID_PATTERN.match(value):
        raise EditError(f"'{value}' is not a valid {kind} id (letters, digits, _ . -)")
    return value


def slug(text: str) -> str:
    """An id from a title: 'The Case for X (2020)' -> 'the_case_for_x_2020'."""
    words = re.findall(r"[A-Za-z0-9]+", text.lower())
    return "_".join(words)[:48].strip("_") or "item"


def unique_id(base: str, taken: list[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def set_text(mapping: Any, key: str, text: str | None) -> None:
    """Set a text field in the style it was written in; None or empty removes an optional one."""
    if text is None or text == "":
        mapping.pop(key, None)
    elif key in mapping:
        if mapping[key] != text:
            mapping[key] = styled_like(mapping[key], text)
    else:
        mapping[key] = to_tree(text)


def _place(items: list, item: Any, position: int | None) -> None:
    if position is None or position >= len(items):
        items.append(item)
    else:
        items.insert(max(0, position), item)


def _list(mapping: Any, key: str) -> list:
    if not isinstance(mapping.get(key), list):
        mapping[key] = to_tree([])
    return mapping[key]


# -- the header -------------------------------------------------------------------------


def header_data(set_id: str, title: str, question: str, description: str = "") -> dict:
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": check_id(set_id, "set"),
        "title": title,
        "question": question,
    }
    if description:
        data["description"] = description
    data["criteria"] = []
    data["sources"] = []
    return data


def set_header(editor: SetEditor, key: str, text: str) -> None:
    if key not in {"title", "question", "description", "version"}:
        raise EditError(f"'{key}' is not a header field that can be edited")
    set_text(editor.header, key, text)


# -- criteria ---------------------------------------------------------------------------


def add_criterion(
    editor: SetEditor,
    criterion_id: str,
    name: str,
    definition: str,
    direction: str,
    *,
    scale_min: float = 0,
    scale_max: float = 10,
    min_label: str = "",
    max_label: str = "",
    group: str = "",
    position: int | None = None,
) -> None:
    """Every option gets the new criterion as an unassessed cell, so the set stays loadable."""
    cid = check_id(criterion_id, "criterion")
    if cid in editor.criterion_ids():
        raise EditError(f"a criterion '{cid}' already exists")
    if direction not in {d.value for d in Direction}:
        raise EditError(f"direction must be one of: {', '.join(d.value for d in Direction)}")
    scale: dict[str, Any] = {"min": number(scale_min), "max": number(scale_max)}
    if min_label:
        scale["min_label"] = min_label
    if max_label:
        scale["max_label"] = max_label
    entry: dict[str, Any] = {"id": cid, "name": name, "definition": definition}
    entry["direction"] = direction
    if group:
        entry["group"] = group
    entry["scale"] = scale
    node = to_tree(entry)
    node["scale"].fa.set_flow_style()
    _place(_list(editor.header, "criteria"), node, position)
    for option in editor.options():
        assessments = option.data.get("assessments")
        if not isinstance(assessments, dict):
            option.data["assessments"] = assessments = CommentedMap()
        assessments[cid] = CommentedMap(unassessed=True)


def remove_criterion(editor: SetEditor, criterion_id: str) -> None:
    _, items, i = editor.find("criteria", criterion_id)
    del items[i]
    for option in editor.options():
        assessments = option.data.get("assessments")
        if isinstance(assessments, dict):
            assessments.pop(criterion_id, None)


def set_criterion(editor: SetEditor, criterion_id: str, key: str, value: Any) -> None:
    """name, definition, group, direction, or scale.min/max/min_label/max_label."""
    _, items, i = editor.find("criteria", criterion_id)
    entry = items[i]
    if key.startswith("scale."):
        part = key.removeprefix("scale.")
        if part not in sections.SCALE_KEYS:
            raise EditError(f"'{part}' is not a scale field")
        if not isinstance(entry.get("scale"), dict):
            entry["scale"] = CommentedMap()
            entry["scale"].fa.set_flow_style()
        if part in {"min", "max"}:
            entry["scale"][part] = number(value)
        else:
            set_text(entry["scale"], part, value)
    elif key == "direction":
        if value not in {d.value for d in Direction}:
            raise EditError(f"direction must be one of: {', '.join(d.value for d in Direction)}")
        entry["direction"] = value
    elif key in {"name", "definition", "group"}:
        set_text(entry, key, value)
    else:
        raise EditError(f"'{key}' is not a criterion field that can be edited")


def move(editor: SetEditor, kind: str, entity_id: str, position: int) -> None:
    """Reorder a criterion or source within its list (lists in other files keep theirs)."""
    _, items, i = editor.find(kind, entity_id)
    item = items.pop(i)
    items.insert(max(0, min(position, len(items))), item)


# -- sources ----------------------------------------------------------------------------

SOURCE_ORDER = ("id", "title", "author", "publisher", "period", "published", "accessed", "url")


def add_source(
    editor: SetEditor,
    source_id: str,
    *,
    title: str,
    file: str,
    origin: str,
    position: str,
    position_in_list: int | None = None,
    citation: dict[str, str] | None = None,
) -> None:
    """`citation`: author, publisher, published, accessed, url, period (empty ones left out)."""
    citation = citation or {}
    sid = check_id(source_id, "source")
    if sid in editor.source_ids():
        raise EditError(f"a source '{sid}' already exists")
    unknown = set(citation) - sections.SOURCE_KEYS
    if unknown:
        raise EditError(f"unknown source field(s): {', '.join(sorted(unknown))}")
    entry: dict[str, Any] = {"id": sid, "title": title}
    for key in SOURCE_ORDER[2:]:
        if citation.get(key):
            entry[key] = citation[key]
    entry.update(file=file, origin=origin, position=position)
    _place(_list(editor.header, "sources"), to_tree(entry), position_in_list)


def citing(editor: SetEditor, source_id: str) -> list[tuple[str, str, int]]:
    """(option, criterion, index) of every quote from the source."""
    out = []
    for option in editor.options(touch=False):
        for cid, cell in (option.data.get("assessments") or {}).items():
            for i, item in enumerate(cell.get("evidence") or []):
                if isinstance(item, dict) and item.get("source") == source_id:
                    out.append((str(option.data.get("id")), cid, i))
    return out


def remove_source(editor: SetEditor, source_id: str, drop_quotes: bool = False) -> int:
    """Remove a source (its stored text stays on disk); returns how many quotes went with it.

    Refused while quotes cite it unless `drop_quotes`: removing evidence must be asked for."""
    _, items, i = editor.find("sources", source_id)
    quotes = citing(editor, source_id)
    if quotes and not drop_quotes:
        raise EditError(
            f"source '{source_id}' is cited by {len(quotes)} quote(s); remove them first "
            "(or remove the source together with its quotes)"
        )
    del items[i]
    for option in editor.options():
        for key in ("advocates", "opponents"):
            names = option.data.get(key)
            if isinstance(names, list) and source_id in names:
                names.remove(source_id)
        for cell in (option.data.get("assessments") or {}).values():
            evidence = cell.get("evidence")
            if isinstance(evidence, list):
                evidence[:] = [e for e in evidence if e.get("source") != source_id]
    return len(quotes)


def set_source(editor: SetEditor, source_id: str, key: str, text: str) -> None:
    if key not in sections.SOURCE_KEYS - {"id"}:
        raise EditError(f"'{key}' is not a source field")
    _, items, i = editor.find("sources", source_id)
    set_text(items[i], key, text)


# -- options ----------------------------------------------------------------------------


def option_data(
    editor: SetEditor,
    option_id: str,
    name: str,
    summary: str,
    actions: list[str] | None = None,
    phases: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": option_id, "name": name, "summary": summary}
    data["actions"] = list(actions or [])
    if phases:
        data["phases"] = phases
    data["advocates"] = []
    data["opponents"] = []
    return data


def add_option(
    editor: SetEditor,
    option_id: str,
    name: str,
    summary: str,
    *,
    actions: list[str] | None = None,
    phases: list[dict[str, str]] | None = None,
    position: int | None = None,
) -> None:
    """A folder set gets a new numbered file; a one-file set a new item of `options`."""
    oid = check_id(option_id, "option")
    if oid in [str(o.data.get("id")) for o in editor.options(touch=False)]:
        raise EditError(f"an option '{oid}' already exists")
    data = option_data(editor, oid, name, summary, actions, phases)
    node = to_tree(data)
    node["assessments"] = CommentedMap(
        (cid, CommentedMap(unassessed=True)) for cid in editor.criterion_ids()
    )
    if editor.is_folder:
        names = [o.path.name for o in editor.options(touch=False) if o.container is None]
        numbers = [int(m.group(1)) for m in map(_NUMBERED.match, names) if m]
        if numbers or not names:  # numbered like the others (the order is the file names')
            name = f"{max(numbers, default=0) + 1}-{oid}.yaml"
        else:
            name = f"{oid}.yaml"
        editor.add_doc(editor.location / name, node)
        if position is not None:
            move_option(editor, oid, position)
    else:
        _place(_list(editor.header, "options"), node, position)


def remove_option(editor: SetEditor, option_id: str) -> None:
    entry = editor.option(option_id)
    if entry.container is None:
        editor.remove_doc(entry.path)
    else:
        entry.container.remove(entry.data)


def set_option(editor: SetEditor, option_id: str, key: str, value: Any) -> None:
    """name, summary, or a list: actions, advocates, opponents."""
    data = editor.option(option_id).data
    if key in {"name", "summary"}:
        set_text(data, key, value)
    elif key in {"actions", "advocates", "opponents"}:
        data[key] = to_tree(list(value), plain=key != "actions")
    else:
        raise EditError(f"'{key}' is not an option field that can be edited")


def move_option(editor: SetEditor, option_id: str, position: int) -> None:
    """In a folder set the order is the files' names: options in their own files are renamed
    N-id.yaml in the new order (each rename a single step on commit)."""
    entry = editor.option(option_id)
    if entry.container is not None:
        entry.container.remove(entry.data)
        entry.container.insert(max(0, min(position, len(entry.container))), entry.data)
        return
    files = [o for o in editor.options(touch=False) if o.container is None]
    files.remove(entry)
    files.insert(max(0, min(position, len(files))), entry)
    width = len(str(len(files)))
    targets = {
        o.path: o.path.with_name(f"{n:0{width}d}-{_NUMBERED.sub('', o.path.name)}")
        for n, o in enumerate(files, 1)
    }
    # each file is renamed once, straight to its new name (only its number changes), so every
    # option is on disk at every moment
    for old, new in targets.items():
        if old == new:
            continue
        if new in editor.docs or new.exists():
            raise EditError(f"cannot reorder: {new.name} is taken by another file; rename it")
        if old in editor.removed or not old.exists():  # added in this edit: not on disk yet
            editor.docs[new] = editor.docs.pop(old)
        else:
            editor.rename_doc(old, new)


# -- cells and evidence -----------------------------------------------------------------


def cell(editor: SetEditor, option_id: str, criterion_id: str) -> Any:
    if criterion_id not in editor.criterion_ids():
        raise EditError(f"no criterion '{criterion_id}' in this set")
    data = editor.option(option_id).data
    assessments = data.get("assessments")
    if not isinstance(assessments, dict):
        data["assessments"] = assessments = CommentedMap()
    if not isinstance(assessments.get(criterion_id), dict):
        assessments[criterion_id] = CommentedMap(unassessed=True)
    return assessments[criterion_id]


def _put(node: Any, key: str, value: Any) -> None:
    """Insert a new key where it belongs in score, low, high, rationale, evidence order."""
    if key in node:
        node[key] = value
        return
    later = CELL_ORDER[CELL_ORDER.index(key) + 1 :]
    keys = list(node.keys())
    at = next((keys.index(k) for k in keys if k in later), len(keys))
    node.insert(at, key, value)


def set_cell(
    editor: SetEditor,
    option_id: str,
    criterion_id: str,
    *,
    score: float | None = UNCHANGED,
    low: float | None = UNCHANGED,
    high: float | None = UNCHANGED,
    rationale: str = UNCHANGED,
) -> None:
    """`score=None` marks the cell unassessed; `low`/`high` None removes them (= the score)."""
    node = cell(editor, option_id, criterion_id)
    if score is None:
        for key in ("score", "low", "high"):
            node.pop(key, None)
        if "unassessed" not in node:
            node.insert(0, "unassessed", True)
    elif score is not UNCHANGED:
        node.pop("unassessed", None)
        _put(node, "score", number(score))
    for key, value in (("low", low), ("high", high)):
        if value is None:
            node.pop(key, None)
        elif value is not UNCHANGED:
            _put(node, key, number(value))
    if rationale is not UNCHANGED:
        if rationale and "rationale" not in node:
            _put(node, "rationale", to_tree(rationale))
        else:
            set_text(node, "rationale", rationale)
    if "score" in node and "evidence" not in node:
        _put(node, "evidence", to_tree([]))


def add_evidence(
    editor: SetEditor,
    option_id: str,
    criterion_id: str,
    source_id: str,
    quote: str,
    stance: str,
    implied_score: float | None = None,
    source_text: str | None = None,
) -> int:
    """Append a quote to a cell; returns its index. With the source's text at hand the quote is
    stored as the source words it (refused if the source does not say it)."""
    if source_id not in editor.source_ids():
        raise EditError(f"no source '{source_id}' in this set")
    if stance not in {s.value for s in Stance}:
        raise EditError(f"stance must be one of: {', '.join(s.value for s in Stance)}")
    if source_text is not None:
        found = verbatim_quote(source_text, quote)
        if found is None:
            raise EditError(f"the quote is not in the text of source '{source_id}'")
        quote = found[0]
    item: dict[str, Any] = {"source": source_id, "quote": quote, "stance": stance}
    if implied_score is not None:
        item["implied_score"] = number(implied_score)
    node = to_tree(item)
    target = cell(editor, option_id, criterion_id)
    if not isinstance(target.get("evidence"), list):
        _put(target, "evidence", to_tree([]))
    target["evidence"].append(node)
    return len(target["evidence"]) - 1


def _evidence_item(editor: SetEditor, option_id: str, criterion_id: str, index: int) -> Any:
    items = cell(editor, option_id, criterion_id).get("evidence")
    if not isinstance(items, list) or not 0 <= index < len(items):
        raise EditError(f"no quote #{index + 1} in {option_id} × {criterion_id}")
    return items[index]


def remove_evidence(editor: SetEditor, option_id: str, criterion_id: str, index: int) -> None:
    _evidence_item(editor, option_id, criterion_id, index)
    del cell(editor, option_id, criterion_id)["evidence"][index]


def set_evidence(
    editor: SetEditor,
    option_id: str,
    criterion_id: str,
    index: int,
    *,
    stance: str = UNCHANGED,
    implied_score: float | None = UNCHANGED,
    quote: str = UNCHANGED,
) -> None:
    """Re-stance, re-score or re-word one quote (a re-worded quote is checked on commit)."""
    item = _evidence_item(editor, option_id, criterion_id, index)
    if stance is not UNCHANGED:
        if stance not in {s.value for s in Stance}:
            raise EditError(f"stance must be one of: {', '.join(s.value for s in Stance)}")
        item["stance"] = stance
    if implied_score is None:
        item.pop("implied_score", None)
    elif implied_score is not UNCHANGED:
        item["implied_score"] = number(implied_score)
    if quote is not UNCHANGED:
        set_text(item, "quote", quote)
