"""Write an option's evidence-review table (docs/evidence-review/) from the data, not by hand.

Every number in the table (scores, ranges, evidence-implied scores, items by stance and source,
what was added, removed or re-stanced, the rankings) is computed here over explorer.core from
the bundled set as it is now and as it was at a git revision; only the reasons ("why") and the
list of each document's arguments come from the option's notes file, and even there the cells
that use an argument are found by searching the evidence for the argument's anchor words.

    .venv/bin/python scripts/evidence_review.py governance_pivot --before 1b40c29 \
        --notes docs/evidence-review/4-governance-pivot.notes.yaml \
        --out docs/evidence-review/4-governance-pivot.md
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import yaml

from explorer import paths
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.model import Assessment, DecisionSet, Evidence, Stance
from explorer.core.quotes import normalise
from explorer.core.robustness import lens_scores

REPO = Path(__file__).resolve().parents[1]


def load(folder: Path) -> DecisionSet:
    return load_decision_set(folder, strict=True, search_dirs=[paths.sources_dir()]).decision_set


def load_at(revision: str) -> DecisionSet:
    """The bundled set as committed at `revision` (its YAML files; sources as they are now)."""
    folder = paths.bundled_set()
    relative = folder.resolve().relative_to(REPO)
    names = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{revision}:{relative.as_posix()}"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / folder.name
        target.mkdir()
        for name in names:
            if not name.endswith((".yaml", ".yml")):
                continue
            blob = subprocess.run(
                ["git", "show", f"{revision}:{(relative / name).as_posix()}"],
                cwd=REPO,
                check=True,
                capture_output=True,
            ).stdout
            (target / name).write_bytes(blob)
        return load(target)


def implied(ds: DecisionSet) -> dict[tuple[str, str], float]:
    """Credibility-weighted mean of the implied scores per cell, every source fully trusted."""
    scores = lens_scores(ds).scores
    return {
        (o.id, c.id): float(scores[i, j])
        for i, o in enumerate(ds.options)
        for j, c in enumerate(ds.criteria)
    }


def ranking(ds: DecisionSet, scores: np.ndarray | None = None) -> list[tuple[str, float]]:
    """Options by weighted sum under equal weights (the Balanced starter profile)."""
    problem = ScoreMatrix.from_set(ds)
    if scores is not None:
        problem = problem.with_scores(scores)
    result = evaluate(problem, np.ones(len(ds.criteria)), Method.WSM)
    return [(ds.options[i].name, float(result.totals[i])) for i in result.order]


def num(x: float | None) -> str:
    return "–" if x is None else f"{x:g}" if float(x).is_integer() else f"{x:.2f}".rstrip("0")


def short(quote: str, n: int = 90) -> str:
    text = " ".join(quote.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def counts(cell: Assessment) -> tuple[int, int, str]:
    sup = sum(e.stance is Stance.SUPPORTS for e in cell.evidence)
    con = len(cell.evidence) - sup
    by_source: dict[str, int] = {}
    for e in cell.evidence:
        by_source[e.source] = by_source.get(e.source, 0) + 1
    return sup, con, ", ".join(f"{s} {n}" for s, n in by_source.items())


def item_changes(before: Assessment, after: Assessment) -> list[str]:
    """Items added, removed, extended to a whole thought, re-stanced or re-scored."""
    old = {normalise(e.quote): e for e in before.evidence}
    lines: list[str] = []
    matched: set[str] = set()
    for e in after.evidence:
        key = normalise(e.quote)
        prior: Evidence | None = old.get(key)
        how = ""
        if prior is None:
            within = [k for k in old if k not in matched and (k in key or key in k)]
            if within:
                prior = old[within[0]]
                how = "extended" if len(key) > len(within[0]) else "shortened"
        if prior is None:
            lines.append(
                f"added ({e.source}, {e.stance.value}, implies {num(e.implied_score)}): "
                f"“{short(e.quote)}”"
            )
            continue
        matched.add(normalise(prior.quote))
        notes = [how] if how else []
        if prior.stance is not e.stance:
            notes.append(f"re-stanced {prior.stance.value} → {e.stance.value}")
        if prior.implied_score != e.implied_score:
            notes.append(f"implies {num(prior.implied_score)} → {num(e.implied_score)}")
        if notes:
            lines.append(f"{'; '.join(notes)}: “{short(e.quote)}”")
    for key, e in old.items():
        if key not in matched:
            lines.append(
                f"removed ({e.source}, was {e.stance.value}, implied {num(e.implied_score)}): "
                f"“{short(e.quote)}”"
            )
    return lines


def argument_cells(ds: DecisionSet, option: str, anchor: str) -> list[str]:
    needle = normalise(anchor)
    return [
        c.id
        for c in ds.criteria
        if any(needle in normalise(e.quote) for e in ds.assessment(option, c.id).evidence)
    ]


def render(option: str, now: DecisionSet, then: DecisionSet, revision: str, notes: dict) -> str:
    opt, opt_then = now.option(option), then.option(option)
    imp_now, imp_then = implied(now), implied(then)
    why = notes.get("cells", {})
    out = [f"# Evidence review: {opt.name}", ""]
    out += [
        f"Generated by `scripts/evidence_review.py {option} --before {revision}` from the bundled "
        "set, against the rule in [../evidence-rule.md](../evidence-rule.md). *Implied* is the "
        "credibility-weighted mean of the cell's implied scores with every source fully trusted "
        "(the Sources lens at full trust); *gap* is score − implied. Numbers are computed, not "
        "typed; only the reasons come from the notes file beside this page.",
        "",
    ]
    if opt_then.name != opt.name:
        out += [f"Renamed from “{opt_then.name}” (id `{option}` unchanged).", ""]
    if notes.get("summary"):
        out += [notes["summary"].strip(), ""]
    out += [
        "| Criterion | Score before → after | Range after | Implied before → after | Gap "
        "| Supports / contradicts | By source |",
        "|---|---|---|---|---|---|---|",
    ]
    for crit in now.criteria:
        a, b = now.assessment(option, crit.id), then.assessment(option, crit.id)
        key = (option, crit.id)
        sup, con, by_source = counts(a)
        flags = [] if con else ["unopposed"]
        if len({e.source for e in a.evidence}) == 1:
            flags.append("single source")
        flag = f" ({', '.join(flags)})" if flags else ""
        out.append(
            f"| {crit.name} | {num(b.score)} → **{num(a.score)}** | {num(a.low)}–{num(a.high)} "
            f"| {num(round(imp_then[key], 2))} → {num(round(imp_now[key], 2))} "
            f"| {a.score - imp_now[key]:+.2f} | {sup} / {con}{flag} | {by_source} |"
        )
    out.append("")
    for crit in now.criteria:
        a, b = now.assessment(option, crit.id), then.assessment(option, crit.id)
        out += [f"## {crit.name}", ""]
        out.append(
            f"Score {num(b.score)} ({num(b.low)}–{num(b.high)}) → **{num(a.score)}** "
            f"({num(a.low)}–{num(a.high)}); implied {num(round(imp_then[(option, crit.id)], 2))}"
            f" → {num(round(imp_now[(option, crit.id)], 2))}."
        )
        out.append("")
        reason = why.get(crit.id)
        if reason:
            out += [f"Why: {reason.strip()}", ""]
        changes = item_changes(b, a)
        out += [f"- {line}" for line in changes] or ["- evidence unchanged"]
        out.append("")
    out += ["## Document arguments used for this option", ""]
    out += [
        "Each argument is found in the evidence by its anchor words; “not used” gives the reason.",
        "",
        "| Document | Argument | Cells |",
        "|---|---|---|",
    ]
    texts = {src.id: normalise(src.path.read_text(encoding="utf-8")) for src in now.sources}
    for arg in notes.get("arguments", []):
        if normalise(arg["anchor"]) not in texts[arg["source"]]:
            raise SystemExit(f"anchor not in {arg['source']}: {arg['anchor']!r}")
        cells = argument_cells(now, option, arg["anchor"])
        if cells:
            where = ", ".join(now.criterion(c).name for c in cells)
        else:
            where = f"not used: {arg.get('reason', 'NO REASON GIVEN')}"
        out.append(f"| {arg['source']} | {arg['argument']} | {where} |")
    out += ["", "## Ranking under the Balanced profile (equal weights, weighted sum)", ""]
    columns = [
        ranking(then),
        ranking(then, lens_scores(then).scores),
        ranking(now),
        ranking(now, lens_scores(now).scores),
    ]
    out += [
        "| Rank | Before | Before, rescored from the quotes | After "
        "| After, rescored from the quotes |",
        "|---|---|---|---|---|",
    ]
    for k, row in enumerate(zip(*columns, strict=True), start=1):
        out.append(f"| {k} | " + " | ".join(f"{name} {total:.3f}" for name, total in row) + " |")
    out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("option")
    parser.add_argument("--before", required=True, help="git revision to compare with")
    parser.add_argument("--notes", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    notes = yaml.safe_load(args.notes.read_text(encoding="utf-8")) or {}
    now = load(paths.bundled_set())
    then = load_at(args.before)
    text = render(args.option, now, then, args.before, notes)
    if args.out:
        tmp = args.out.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        shutil.move(tmp, args.out)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
