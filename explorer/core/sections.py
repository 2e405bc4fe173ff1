"""Readers for each section of a decision set: criteria, sources, options and assessments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.core.fields import Fields
from explorer.core.input_files import FileRefused, inside, problem_with, read_regular
from explorer.core.model import (
    Assessment,
    Criterion,
    Direction,
    Evidence,
    Option,
    Phase,
    Scale,
    Source,
    Stance,
)
from explorer.core.quotes import normalise
from explorer.core.source_dates import parse_date

MAX_SOURCE_BYTES = 5 * 1024 * 1024
CRITERION_KEYS = {"id", "name", "definition", "direction", "scale", "group"}
SCALE_KEYS = {"min", "max", "min_label", "max_label"}
CITATION_KEYS = {"author", "published", "url", "accessed"}  # optional: older sets lack them
SOURCE_KEYS = {"id", "title", "publisher", "period", "date", "file", "origin", "position"}
SOURCE_KEYS |= CITATION_KEYS
OPTION_KEYS = {
    "schema_version",
    "id",
    "name",
    "summary",
    "actions",
    "phases",
    "advocates",
    "opponents",
    "assessments",
}
CELL_KEYS = {"score", "low", "high", "rationale", "evidence", "unassessed"}
EVIDENCE_KEYS = {"source", "quote", "stance", "implied_score"}
# listed once: walking an enum costs more than the rest of a stance check, once per quote
STANCES = tuple(s.value for s in Stance)
_STANCE = {s.value: s for s in Stance}
DIRECTIONS = tuple(d.value for d in Direction)


def criterion(fields: Fields, data: dict[str, Any], path: tuple) -> Criterion | None:
    fields.unknown_keys(data, path, CRITERION_KEYS)
    cid = fields.identifier(data, path)
    name = fields.text(data, path, "name")
    definition = fields.text(data, path, "definition")
    direction = fields.choice(data, path, "direction", DIRECTIONS)
    group = fields.text(data, path, "group", required=False) or ""
    scale = Scale()
    raw_scale = fields.mapping(data, path, "scale", required=False)
    if raw_scale is not None:
        spath = (*path, "scale")
        fields.unknown_keys(raw_scale, spath, SCALE_KEYS)
        lo = fields.number(raw_scale, spath, "min", required=False)
        hi = fields.number(raw_scale, spath, "max", required=False)
        lo = 0.0 if lo is None else lo
        hi = 10.0 if hi is None else hi
        if hi <= lo:
            fields.report((*spath, "max"), f"max ({hi:g}) must be greater than min ({lo:g})")
            return None
        scale = Scale(
            lo,
            hi,
            fields.text(raw_scale, spath, "min_label", required=False) or "",
            fields.text(raw_scale, spath, "max_label", required=False) or "",
        )
    if cid is None or name is None or definition is None or direction is None:
        return None
    return Criterion(cid, name, definition, Direction(direction), scale, group)


def source(fields: Fields, data: dict[str, Any], path: tuple, search: list[Path]) -> Source | None:
    fields.unknown_keys(data, path, SOURCE_KEYS)
    sid = fields.identifier(data, path)
    title = fields.text(data, path, "title")
    file = fields.text(data, path, "file")
    origin = fields.text(data, path, "origin")
    position = fields.text(data, path, "position")
    publisher = fields.text(data, path, "publisher", required=False) or ""
    period = fields.text(data, path, "period", required=False)
    period = period or fields.text(data, path, "date", required=False) or ""
    cite = {key: fields.text(data, path, key, required=False) or "" for key in CITATION_KEYS}
    for key in ("published", "accessed"):
        if cite[key] and parse_date(cite[key]) is None:
            fields.report(
                (*path, key), f"'{cite[key]}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
            )
            cite[key] = ""
    if cite["url"] and not cite["url"].startswith(("https://", "http://")):
        fields.report((*path, "url"), "must be a web address starting https:// or http://")
        cite["url"] = ""
    if sid is None or title is None or file is None or origin is None or position is None:
        return None
    candidates = source_candidates(file, search)
    if not candidates:
        fields.report(
            (*path, "file"),
            f"'{file}' must name a file inside the decision set's folder "
            "(no absolute path, no '..', no link pointing out)",
        )
        return None
    resolved = next((c for c in candidates if problem_with(c) is None), None)
    if resolved is None:
        why = problem_with(candidates[0])
        missing = why == "does not exist"
        message = f"source text '{file}' not found" if missing else f"source text '{file}' {why}"
        fields.report((*path, "file"), message, severity="warning")
    return Source(sid, title, file, origin, position, publisher, period, resolved, **cite)


def source_candidates(file: str, search: list[Path]) -> list[Path]:
    """Where a source's `file` may be, in search order: only places inside a search folder."""
    return [c for c in (inside(d, file) for d in search) if c is not None]


def source_bytes(path: Path) -> bytes | None:
    """What the quote checks read of a source text (its first MAX_SOURCE_BYTES), or None."""
    try:
        raw = read_regular(path, MAX_SOURCE_BYTES, refuse_larger=False)
    except FileRefused:
        return None
    return raw[:MAX_SOURCE_BYTES]


def source_text(src: Source) -> str | None:
    """The source's text, or None when it is missing or unreadable (reported at the source)."""
    raw = None if src.path is None else source_bytes(src.path)
    return None if raw is None else raw.decode("utf-8", errors="replace")


def _phases(fields: Fields, data: dict[str, Any], path: tuple) -> tuple[Phase, ...]:
    out = []
    for i, item in enumerate(fields.items(data, path, "phases", required=False)):
        ppath = (*path, "phases", i)
        if not fields.is_mapping(item, ppath):
            continue
        fields.unknown_keys(item, ppath, {"name", "timeline", "description"})
        name = fields.text(item, ppath, "name")
        timeline = fields.text(item, ppath, "timeline")
        description = fields.text(item, ppath, "description", required=False) or ""
        if name and timeline:
            out.append(Phase(name, timeline, description))
    return tuple(out)


def option(fields: Fields, data: dict[str, Any], path: tuple) -> Option | None:
    fields.unknown_keys(data, path, OPTION_KEYS)
    oid = fields.identifier(data, path)
    name = fields.text(data, path, "name")
    summary = fields.text(data, path, "summary")
    actions = fields.text_list(data, path, "actions")
    phases = _phases(fields, data, path)
    advocates = fields.text_list(data, path, "advocates")
    opponents = fields.text_list(data, path, "opponents")
    if oid is None or name is None or summary is None:
        return None
    return Option(oid, name, summary, actions, phases, advocates, opponents)


@dataclass
class CellContext:
    fields: Fields
    option: str
    criteria: dict[str, Criterion]
    texts: dict[str, str | None]  # already normalised (quotes.normalise), once per source
    strict: bool
    # defined with errors (already reported): references to them are skipped, not "unknown"
    broken_criteria: frozenset[str] = frozenset()
    broken_sources: frozenset[str] = frozenset()


def _in_scale(ctx: CellContext, path: tuple, key: str, value: float, scale: Scale) -> bool:
    if scale.min <= value <= scale.max:
        return True
    ctx.fields.report((*path, key), f"{value:g} is outside {scale.min:g}–{scale.max:g}")
    return False


def _evidence(ctx: CellContext, items: list[Any], path: tuple, scale: Scale) -> list[Evidence]:
    out = []
    for i, item in enumerate(items):
        epath = (*path, i)
        if not ctx.fields.is_mapping(item, epath):
            continue
        ctx.fields.unknown_keys(item, epath, EVIDENCE_KEYS)
        sid = ctx.fields.identifier(item, epath, "source")
        quote = ctx.fields.text(item, epath, "quote")
        stance = ctx.fields.choice(item, epath, "stance", STANCES)
        implied = ctx.fields.number(item, epath, "implied_score", required=False)
        if implied is not None and not _in_scale(ctx, epath, "implied_score", implied, scale):
            implied = None
        if sid is not None and sid not in ctx.texts:
            if sid not in ctx.broken_sources:
                ctx.fields.report((*epath, "source"), f"unknown source '{sid}'")
            sid = None
        verified = False
        if sid is not None and quote is not None:
            text = ctx.texts[sid]
            verified = text is not None and normalise(quote) in text
            if text is not None and not verified:
                ctx.fields.report(
                    (*epath, "quote"),
                    f"quote not found verbatim in source '{sid}': \"{quote[:60]}…\"",
                    severity="error" if ctx.strict else "warning",
                )
            elif text is None and ctx.strict:
                ctx.fields.report(
                    (*epath, "quote"), f"cannot check quote: source '{sid}' has no text"
                )
        if sid and quote and stance:
            out.append(Evidence(sid, quote, _STANCE[stance], implied, verified))
    return out


def _cell(
    ctx: CellContext, data: dict[str, Any], path: tuple, crit: Criterion
) -> Assessment | None:
    f = ctx.fields
    f.unknown_keys(data, path, CELL_KEYS)
    rationale = f.text(data, path, "rationale", required=False) or ""
    if data.get("unassessed") is True:
        if "score" in data:
            f.report((*path, "score"), "an unassessed cell must not have a score")
        items = f.items(data, path, "evidence", required=False)
        evidence = _evidence(ctx, items, (*path, "evidence"), crit.scale)
        return Assessment(ctx.option, crit.id, None, None, None, rationale, tuple(evidence))
    if "unassessed" in data and data["unassessed"] is not False:
        f.report((*path, "unassessed"), "must be true or false")
    score = f.number(data, path, "score")
    low = f.number(data, path, "low", required=False)
    high = f.number(data, path, "high", required=False)
    ok = score is not None and _in_scale(ctx, path, "score", score, crit.scale)
    if low is not None and not _in_scale(ctx, path, "low", low, crit.scale):
        ok = False
    if high is not None and not _in_scale(ctx, path, "high", high, crit.scale):
        ok = False
    if ok and score is not None and low is not None and low > score:
        f.report((*path, "low"), f"low ({low:g}) is above score ({score:g})")
        ok = False
    if ok and score is not None and high is not None and score > high:
        f.report((*path, "high"), f"score ({score:g}) is above high ({high:g})")
        ok = False
    items = f.items(data, path, "evidence")
    if "evidence" in data and not items and isinstance(data["evidence"], list):
        f.report((*path, "evidence"), "needs at least one quote", severity="warning")
    evidence = _evidence(ctx, items, (*path, "evidence"), crit.scale)
    if not ok:
        return None
    low = score if low is None else low
    high = score if high is None else high
    return Assessment(ctx.option, crit.id, score, low, high, rationale, tuple(evidence))


def assessments(
    ctx: CellContext, data: dict[str, Any], path: tuple
) -> dict[tuple[str, str], Assessment]:
    out: dict[tuple[str, str], Assessment] = {}
    for cid, cell in data.items():
        cpath = (*path, cid)
        if cid not in ctx.criteria:
            if cid not in ctx.broken_criteria:
                ctx.fields.report(cpath, f"unknown criterion '{cid}'")
            continue
        if not ctx.fields.is_mapping(cell, cpath):
            continue
        assessment = _cell(ctx, cell, cpath, ctx.criteria[cid])
        if assessment is not None:
            out[(ctx.option, cid)] = assessment
    for cid in ctx.criteria:
        if cid not in data:
            ctx.fields.report(
                path, f"no assessment for criterion '{cid}' (add it, or mark it unassessed: true)"
            )
    return out
