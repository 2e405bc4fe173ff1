"""Render an evidence-review table (docs/evidence-review/) from two versions of a decision set.

The review tables compare each cell before and after a re-review against docs/evidence-rule.md.
Their numbers (evidence-implied scores, items by stance and source, what was added, removed,
extended or re-stanced) are computed here with explorer.core rather than typed by hand, so a
reader can regenerate them; the reasons for each change are the reviewer's and come from a notes
file (YAML: {title, intro, criterion: "why…", coverage}, the last three markdown).

Usage: python scripts/evidence_review_tables.py OPTION_ID BEFORE_SET AFTER_SET NOTES.yaml
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from explorer import paths
from explorer.core.loader import load_decision_set
from explorer.core.model import Assessment, DecisionSet, Stance
from explorer.core.quotes import normalise
from explorer.core.robustness.source_lens import implied_value, lens_scores


def load(path: str) -> DecisionSet:
    result = load_decision_set(Path(path), strict=True, search_dirs=[paths.sources_dir()])
    return result.decision_set


def implied(ds: DecisionSet, option: str, criterion: str) -> float:
    """Credibility-weighted mean of the cell's implied scores, every source at credibility 1."""
    lens = lens_scores(ds)
    return float(lens.scores[ds.option_ids.index(option), ds.criterion_ids.index(criterion)])


def fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:g}"


def short(quote: str, n: int = 90) -> str:
    q = " ".join(quote.split())
    return q if len(q) <= n else q[: n - 1].rstrip() + "…"


def changes(before: Assessment, after: Assessment) -> list[str]:
    """What happened to each item, matching items by (source, normalised quote, containment)."""
    out = []
    old = [(normalise(e.quote), e) for e in before.evidence]
    matched = set()
    for e in after.evidence:
        q = normalise(e.quote)
        hit = next(((i, o) for i, (oq, o) in enumerate(old) if oq == q and i not in matched), None)
        how = "kept"
        if hit is None:
            hit = next(
                ((i, o) for i, (oq, o) in enumerate(old) if i not in matched and oq in q and oq),
                None,
            )
            how = "extended" if hit else "added"
        parts = [how]
        if hit is not None:
            i, o = hit
            matched.add(i)
            if o.stance is not e.stance:
                parts.append(f"re-stanced {o.stance.value} → {e.stance.value}")
            if o.implied_score != e.implied_score:
                parts.append(f"implied {fmt(o.implied_score)} → {fmt(e.implied_score)}")
        out.append(
            f"  - {e.stance.value}, {e.source}, implied {fmt(e.implied_score)} "
            f"({'; '.join(parts)}): “{short(e.quote)}”"
        )
    merged = [normalise(e.quote) for e in after.evidence]
    for i, (oq, o) in enumerate(old):
        if i not in matched and any(oq in q for q in merged):
            out.append(
                f"  - merged into a longer quote above: {o.stance.value}, {o.source}, implied "
                f"{fmt(o.implied_score)}: “{short(o.quote)}”"
            )
            matched.add(i)
    for i, (_, o) in enumerate(old):
        if i not in matched:
            out.append(
                f"  - removed: {o.stance.value}, {o.source}, implied {fmt(o.implied_score)}: "
                f"“{short(o.quote)}”"
            )
    return out


def render(option: str, before: DecisionSet, after: DecisionSet, notes: dict) -> str:
    name = next(o.name for o in after.options if o.id == option)
    lines = [
        "| Criterion | Score before → after | Range after | Implied before → after | Gap after"
        " | Supports / contradicts | Items by source |",
        "|---|---|---|---|---|---|---|",
    ]
    detail = []
    for crit in after.criteria:
        a = after.assessment(option, crit.id)
        b = before.assessment(option, crit.id)
        ia, ib = implied(after, option, crit.id), implied(before, option, crit.id)
        st = Counter(e.stance for e in a.evidence)
        src = Counter(e.source for e in a.evidence)
        sup, con = st.get(Stance.SUPPORTS, 0), st.get(Stance.CONTRADICTS, 0)
        unopposed = " (unopposed)" if con == 0 else ""
        lines.append(
            f"| {crit.name} | {fmt(b.score)} → {fmt(a.score)} | {fmt(a.low)}–{fmt(a.high)} "
            f"| {ib:.2f} → {ia:.2f} | {a.score - ia:+.2f} | {sup} / {con}{unopposed} | "
            + ", ".join(f"{s} {n}" for s, n in sorted(src.items()))
            + " |"
        )
        values = [implied_value(a, e) for e in a.evidence]
        assert all(v is not None for v in values), (option, crit.id)
        detail.append(f"### {crit.name}\n")
        detail.append(
            f"Score {fmt(b.score)} → **{fmt(a.score)}** (range {fmt(b.low)}–{fmt(b.high)} → "
            f"{fmt(a.low)}–{fmt(a.high)}); evidence-implied {ib:.2f} → **{ia:.2f}**.\n"
        )
        detail.append("Items after the review, and what happened to each:\n")
        detail.extend(changes(b, a))
        detail.append("")
        why = notes.get(crit.id)
        if not why:
            raise SystemExit(f"notes: no reason given for {crit.id}")
        detail.append(f"Why: {why.strip()}\n")
    head = [
        f"# {notes.get('title', 'Evidence review: ' + name)}\n",
        notes.get("intro", "").strip() + "\n",
        f"## Cells of “{name}” (`{option}`)\n",
        "Implied = the credibility-weighted mean of the cell's implied scores with every source"
        " at credibility 1 (`explorer.core.robustness.source_lens.lens_scores`); gap = score −"
        " implied. A cell with no contradicting item is marked unopposed (rule §6).\n",
    ]
    tail = ["## Document arguments covered, and where\n", notes.get("coverage", "").strip(), ""]
    return "\n".join(head + lines + [""] + detail + tail)


def main(argv: list[str]) -> None:
    option, before, after, notes_path = argv
    notes = yaml.safe_load(Path(notes_path).read_text(encoding="utf-8")) or {}
    print(render(option, load(before), load(after), notes))


if __name__ == "__main__":
    main(sys.argv[1:])
