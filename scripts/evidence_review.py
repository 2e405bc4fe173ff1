"""Write the evidence-review pages (docs/evidence-review/) from the data, not by hand.

Every number on the pages (scores, ranges, evidence-implied scores, items by stance and source,
what was added, removed or re-stanced, the rankings) is computed here over explorer.core from
the bundled set as it is now and as it was at a git revision; only the reasons ("why") and the
list of each document's arguments come from the option's notes file, and even there the cells
that use an argument are found by searching the evidence for the argument's anchor words.

One run writes the page of every option and the index (README.md) with the rankings:

    .venv/bin/python scripts/evidence_review.py --before d883909

`--check` writes nothing and exits 1 when a page is out of date with the data or its notes.
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
from explorer.core.engine import ScoreMatrix, evaluate
from explorer.core.loader import load_decision_set
from explorer.core.model import Assessment, DecisionSet, Evidence, Stance
from explorer.core.profiles.apply import weights_for
from explorer.core.profiles.document import load_profile
from explorer.core.quotes import normalise
from explorer.core.robustness import lens_scores

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "docs" / "evidence-review"
PROFILE = "balanced.yaml"  # the starter profile the ranking is given for


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
    """Options by total under the bundled Balanced starter profile (its weights and method)."""
    profile = load_profile(paths.bundled_set() / "profiles" / PROFILE)
    weights, notes = weights_for(profile, ds)
    if notes:
        raise SystemExit(f"{PROFILE} does not fit the set: {notes[0]}")
    problem = ScoreMatrix.from_set(ds)
    if scores is not None:
        problem = problem.with_scores(scores)
    result = evaluate(problem, weights, profile.method)
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


def anchors(arg: dict) -> list[str]:
    """An argument made in several passages names one anchor per passage (`anchors`)."""
    return [arg["anchor"]] if "anchor" in arg else list(arg["anchors"])


def argument_cells(ds: DecisionSet, option: str, words: list[str]) -> list[str]:
    needles = [normalise(w) for w in words]
    return [
        c.id
        for c in ds.criteria
        if any(
            n in normalise(e.quote) for n in needles for e in ds.assessment(option, c.id).evidence
        )
    ]


def render(
    option: str, now: DecisionSet, then: DecisionSet, revision: str, notes: dict, notes_name: str
) -> str:
    opt, opt_then = now.option(option), then.option(option)
    imp_now, imp_then = implied(now), implied(then)
    why = notes.get("cells", {})
    out = [f"# Evidence review: {opt.name}", ""]
    out += [
        f"Generated by `scripts/evidence_review.py --before {revision}` from the bundled set, "
        "against the rule in [../evidence-rule.md](../evidence-rule.md); *before* is the set at "
        f"{revision}, *after* the set as it is now ([index and rankings](README.md)). *Implied* "
        "is the credibility-weighted mean of the cell's implied scores with every source fully "
        "trusted (the Sources lens at full trust); *gap* is score − implied. Numbers are "
        f"computed, not typed; only the reasons come from [{notes_name}]({notes_name}).",
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
        for anchor in anchors(arg):
            if normalise(anchor) not in texts[arg["source"]]:
                raise SystemExit(f"anchor not in {arg['source']}: {anchor!r}")
        cells = argument_cells(now, option, anchors(arg))
        if cells:
            where = ", ".join(now.criterion(c).name for c in cells)
        else:
            if not arg.get("reason"):
                raise SystemExit(
                    f"argument used in no cell and no reason given: {arg['argument']!r}"
                )
            where = f"not used: {arg['reason']}"
        out.append(f"| {arg['source']} | {arg['argument']} | {where} |")
    out.append("")
    return "\n".join(out)


def option_files(folder: Path) -> dict[str, str]:
    """Option id → the stem of its YAML file, which names its page and notes file."""
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "assessments" in data:
            found[data["id"]] = path.stem
    return found


def ranking_table(now: DecisionSet, then: DecisionSet) -> list[str]:
    columns = [
        ranking(then),
        ranking(now),
        ranking(then, lens_scores(then).scores),
        ranking(now, lens_scores(now).scores),
    ]
    out = [
        "| Rank | Before, as scored | After, as scored | Before, rescored from the quotes "
        "| After, rescored from the quotes |",
        "|---|---|---|---|---|",
    ]
    for k, row in enumerate(zip(*columns, strict=True), start=1):
        out.append(f"| {k} | " + " | ".join(f"{name} {total:.3f}" for name, total in row) + " |")
    return out


def render_index(now: DecisionSet, then: DecisionSet, revision: str, stems: dict[str, str]) -> str:
    imp = implied(now)
    out = [
        "# Evidence review of the bundled set",
        "",
        "The bundled decision set (`options/iraq-troop-posture/`) re-reviewed against "
        "[the evidence rule](../evidence-rule.md) (issue 14): one page per option, each cell's "
        "items by stance and source, its evidence-implied score against its score, and what "
        "changed and why. Written by `scripts/evidence_review.py`; do not edit by hand.",
        "",
        "| Option | Page | Notes | Scores changed | Unopposed cells | Single-source cells "
        "| Largest gap |",
        "|---|---|---|---|---|---|---|",
    ]
    for option in now.options:
        stem = stems[option.id]
        cells = [now.assessment(option.id, c.id) for c in now.criteria]
        before = [then.assessment(option.id, c.id) for c in now.criteria]
        changed = sum(a.score != b.score for a, b in zip(cells, before, strict=True))
        unopposed = sum(all(e.stance is Stance.SUPPORTS for e in a.evidence) for a in cells)
        single = sum(len({e.source for e in a.evidence}) == 1 for a in cells)
        gap = max(abs(a.score - imp[(option.id, a.criterion)]) for a in cells)
        out.append(
            f"| {option.name} | [{stem}.md]({stem}.md) | [notes]({stem}.notes.yaml) "
            f"| {changed} of {len(cells)} | {unopposed} | {single} | {gap:.2f} |"
        )
    out += [
        "",
        "## How the pages are made",
        "",
        f"    .venv/bin/python scripts/evidence_review.py --before {revision}",
        "",
        f"*Before* is the set at {revision}, the commit before the rule was written, so every page "
        "compares with the set as first bundled. The script loads both versions with "
        "`explorer.core` (strict, sources verified), computes every number, and writes each "
        "option's page and this index; `--check` reports pages out of date without writing. "
        "What a person writes is in each option's notes file "
        "(`<option file>.notes.yaml`): `summary` (the definition scored), `cells` (per criterion, "
        "why it changed) and `arguments` (each document's main arguments: `source`, `argument`, "
        "`anchor` or `anchors` — words quoted from the document — and, for an argument no cell "
        "uses, `reason`). The cells an argument is used in are found by its anchors in the "
        "option's evidence, never typed; an anchor missing from its document, or an unused "
        "argument without a reason, stops the script. `tests/core/test_evidence_rule.py` checks "
        "the parts of the rule a program can check on the whole set.",
        "",
        "## Ranking under the Balanced profile",
        "",
        f"The bundled `profiles/{PROFILE}` (every criterion weighted equally, weighted sum), as "
        "`explorer.core.engine` ranks it. *Rescored from the quotes* replaces every cell's score "
        "by its evidence-implied score (credibility-weighted mean of its quotes' implied scores, "
        "every source fully trusted), as the Sources lens does.",
        "",
        *ranking_table(now, then),
        "",
    ]
    return "\n".join(out)


def write(path: Path, text: str, check: bool) -> bool:
    """Write atomically; in check mode only say whether the file is out of date."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    if not check:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        shutil.move(tmp, path)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, help="git revision to compare with")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    now = load(paths.bundled_set())
    then = load_at(args.before)
    stems = option_files(paths.bundled_set())
    stale = []
    for option in now.options:
        notes_path = PAGES / f"{stems[option.id]}.notes.yaml"
        notes = yaml.safe_load(notes_path.read_text(encoding="utf-8")) or {}
        text = render(option.id, now, then, args.before, notes, notes_path.name)
        page = PAGES / f"{stems[option.id]}.md"
        if write(page, text, args.check):
            stale.append(page.name)
    if write(PAGES / "README.md", render_index(now, then, args.before, stems), args.check):
        stale.append("README.md")
    if stale:
        verb = "out of date" if args.check else "written"
        sys.stdout.write(f"{verb}: {', '.join(stale)}\n")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
