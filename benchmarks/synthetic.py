"""Generated decision sets for scale benchmarks (no quotes: only the numbers matter here)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from explorer.core.model import (
    Assessment,
    Criterion,
    DecisionSet,
    Direction,
    Evidence,
    Option,
    Source,
    Stance,
)


def synthetic_set(n_options: int, n_criteria: int, seed: int = 0) -> DecisionSet:
    rng = np.random.default_rng(seed)
    criteria = tuple(
        Criterion(
            f"c{j}",
            f"Criterion {j}",
            "generated",
            Direction.HIGHER_IS_BETTER if j % 3 else Direction.LOWER_IS_BETTER,
            group=f"Group {j % 5}",
        )
        for j in range(n_criteria)
    )
    options = tuple(Option(f"o{i}", f"Option {i}", "generated") for i in range(n_options))
    source = Source("gen", "Generated", "gen.txt", "gen.txt", "none")
    cells = {}
    for option in options:
        for crit in criteria:
            score = float(rng.uniform(1, 9))
            cells[(option.id, crit.id)] = Assessment(
                option.id,
                crit.id,
                score,
                score - 1,
                score + 1,
                "generated",
                (Evidence("gen", "generated", Stance.SUPPORTS),),
            )
    return DecisionSet("synthetic", "Synthetic", "Which?", criteria, (source,), options, cells)


SOURCE_SENTENCES = 400


def _sentence(k: int) -> str:
    return (
        f"Finding {k}: the measure changes outcome {k % 17} by about {k % 9 + 1} points"
        f" in year {k % 30}."
    )


def write_set_folder(ds: DecisionSet, folder: Path, options_per_file: int = 100) -> Path:
    """`ds` written as a decision-set folder the loader reads, the way an author lays one out:
    a header with criteria and sources, options in part files (one file per option would pass the
    loader's file-count cap at 1,000 options), and every cell citing a verbatim quote from a real
    source text, so loading pays for quote verification as it does on a real set."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gen.txt").write_text(
        " ".join(_sentence(k) for k in range(SOURCE_SENTENCES)) + "\n", encoding="utf-8"
    )
    header = [
        "schema_version: 1",
        f"id: {ds.id}",
        'version: "1.0"',
        f"title: {json.dumps(ds.title)}",
        f"question: {json.dumps(ds.question)}",
        "criteria:",
    ]
    for crit in ds.criteria:
        header += [
            f"  - id: {crit.id}",
            f"    name: {json.dumps(crit.name)}",
            f"    definition: {json.dumps(crit.definition)}",
            f"    direction: {crit.direction.value}",
            f"    group: {json.dumps(crit.group)}",
            f"    scale: {{min: {crit.scale.min:g}, max: {crit.scale.max:g}}}",
        ]
    header += [
        "sources:",
        "  - id: gen",
        "    title: Generated findings",
        "    file: gen.txt",
        "    origin: gen.txt",
        "    position: none",
    ]
    (folder / "decision-set.yaml").write_text("\n".join(header) + "\n", encoding="utf-8")
    by_option: dict[str, list[Assessment]] = {}
    for (oid, _), cell in ds.assessments.items():
        by_option.setdefault(oid, []).append(cell)
    for part, start in enumerate(range(0, len(ds.options), options_per_file)):
        lines = ["options:"]
        for i, option in enumerate(ds.options[start : start + options_per_file], start):
            lines += [
                f"  - id: {option.id}",
                f"    name: {json.dumps(option.name)}",
                f"    summary: {json.dumps(option.summary)}",
                "    assessments:",
            ]
            for j, cell in enumerate(by_option[option.id]):
                quote = _sentence((i * 31 + j * 7) % SOURCE_SENTENCES)
                lines += [
                    f"      {cell.criterion}:",
                    f"        score: {cell.score:.2f}",
                    f"        low: {cell.low:.2f}",
                    f"        high: {cell.high:.2f}",
                    f"        rationale: {json.dumps(cell.rationale)}",
                    "        evidence:",
                    "          - source: gen",
                    f"            quote: {json.dumps(quote)}",
                    "            stance: supports",
                ]
        (folder / f"part-{part:03d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
