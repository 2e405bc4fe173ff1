"""What each briefing slide says, worked out once from the analysis state, without Qt.

The presentation window, the PDF and the `brief` command must say the same things about an
option, so the choices (which criteria drive it, which quotes to put in front of an audience)
are made here and tested without a display; the UI only lays the words out.

Choosing quotes for an option slide — "strongest" means the quote that matters most for the
option's *total as shown*, so an audience sees the evidence behind the numbers that decide:

* supporting quotes back a cell's score; one backing a criterion that carries much of the
  total matters more than one backing a criterion that adds little, so their strength is the
  cell's contribution to the total. Among a cell's quotes, the one whose implied score is
  closest to the score in use comes first (it backs that number most exactly);
* contradicting quotes argue the score is wrong; how much that matters is how far it would move
  the score (|implied − score| as a fraction of the scale, or, when the quote names no number,
  the farthest end of the cell's low–high range, which the editors widened for it) times the
  criterion's weight share, since a dispute on a criterion that carries no weight cannot move
  the ranking.

Both are multiplied by the source's credibility in the sources lens. Quotes of no strength are
never chosen: from switched-off sources, on unassessed cells (they back no score), or on
criteria with no weight (they cannot bear on the ranking). The same sentence quoted in two
cells appears once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from explorer.core.elicitation.record import Elicitation
from explorer.core.engine import Method, Result, ScoreMatrix
from explorer.core.model import DecisionSet, Direction, Source, Stance
from explorer.core.quotes import normalise
from explorer.core.robustness.total_range import near_tie_text, total_ranges
from explorer.core.source_dates import evidence_age, parse_date, published_text

UNSAVED = "Current weighting (not saved)"
DRIVERS = 3  # criteria listed as carrying an option
WEAKEST = 2  # criteria listed as where it loses most


@dataclass(frozen=True)
class BriefingState:
    """Everything a briefing is generated from: the analysis exactly as it is on screen."""

    decision_set: DecisionSet
    result: Result
    scores: np.ndarray  # options × criteria: the scores in use (sources lens or editorial)
    source_weights: Mapping[str, float] = field(default_factory=dict)  # credibility; 1 if absent
    profile_name: str | None = None  # None: no profile opened
    modified: bool = False  # the weighting differs from the opened profile
    lens_active: bool = False
    day: date = field(default_factory=date.today)
    profile_author: str = ""  # who made the weighting, as saved with the profile
    profile_rationale: str = ""  # why they weighted it so (the profile's description)
    elicitation: Elicitation | None = None  # how the weights were obtained, if elicited

    def credibility(self, source_id: str) -> float:
        return float(self.source_weights.get(source_id, 1.0))


@dataclass(frozen=True)
class Citation:
    """Where a quote comes from, as a reader needs it to find the original.

    The file names the set keeps its copies under are bookkeeping, not a reference: a reader
    cannot look up `002_f6c2eb155f6cb882.txt`, so no citation text carries them.
    """

    source_id: str
    title: str
    period: str  # when it appeared, as a reader says it ("January 2020")
    publisher: str = ""  # the outlet
    author: str = ""
    url: str = ""
    accessed: str = ""  # as a reader says it

    @property
    def label(self) -> str:
        """ "Title (period)": the inline credit next to a quote on screen."""
        return f"{self.title} ({self.period})" if self.period else self.title

    @property
    def reference(self) -> str:
        """The footnote, as a briefing paper cites: author, "title", outlet, date. Address
        (accessed date). The author is left out when the outlet is the author."""
        title = self.title.rstrip(".")
        after = [p for p in (self.publisher, self.period) if p]
        text = f"{self.author}, " if self.author and self.author != self.publisher else ""
        # the comma or full stop goes inside the quotation marks, as a briefing paper prints it
        text += f"“{title}{',' if after else '.'}”"
        if after:
            text += " " + ", ".join(after) + "."
        if self.url:
            text += f" {self.url}"
            text += f" (accessed {self.accessed})." if self.accessed else "."
        return text


def citation_for(source: Source) -> Citation:
    accessed = parse_date(source.accessed) if source.accessed else None
    return Citation(
        source.id,
        source.title,
        source.period or published_text(source),
        source.publisher,
        source.author,
        source.url,
        accessed.text if accessed else "",
    )


@dataclass(frozen=True)
class Quote:
    text: str
    stance: Stance
    criterion: str  # criterion id
    criterion_name: str
    citation: Citation
    implied_score: float | None
    cell_score: float  # the score in use for the cell
    strength: float  # the ranking key described in the module docstring
    gap: float  # |implied − score| as a fraction of the scale; 0 when the quote names no number
    verified: bool = True  # found in its source (see model.Evidence); slides mark it otherwise


@dataclass(frozen=True)
class Driver:
    """One criterion's part in an option's total."""

    criterion: str
    index: int  # position in the set, for the criterion's colour
    name: str
    share: float  # weight share 0..1
    contribution: float  # points of the total it carries
    shortfall: float  # points lost against a perfect score on it: share × (1 − desirability)
    score: float  # the score in use, on the criterion's scale
    scale_text: str  # "0–10, lower is better"
    unassessed: bool


@dataclass(frozen=True)
class OptionContent:
    option: str
    name: str
    summary: str
    rank: int
    tied: bool
    total: float
    options: int  # how many options are ranked
    method: str  # the scoring method's label
    drivers: tuple[Driver, ...]  # largest contributions first
    weakest: tuple[Driver, ...]  # largest shortfalls first, not repeating a driver
    supporting: tuple[Quote, ...]
    contradicting: tuple[Quote, ...]
    unassessed: tuple[str, ...]  # names of the criteria not assessed for this option

    @property
    def rank_text(self) -> str:
        joint = "joint " if self.tied else ""
        return f"Ranked {joint}{self.rank} of {self.options}"


@dataclass(frozen=True)
class TitleContent:
    set_title: str
    question: str
    profile: str  # the profile's name, "…, modified", or UNSAVED
    method: str
    day: str  # e.g. "7 March 2025"
    lens: str  # a sentence when the sources lens rescored the cells, else ""
    author: str = ""  # the profile's author, "" when unsaved or not given
    rationale: str = ""  # why the profile weights as it does, "" when unsaved or not given
    # "Weights from pairwise comparisons, consistency ratio 0.04", "" when not elicited
    weights_from: str = ""


@dataclass(frozen=True)
class SourceEntry:
    citation: Citation
    position: str  # what the source argues, one sentence
    quotes: int  # quotes it supplies across the set
    supporting: int
    contradicting: int
    credibility: float
    backs: tuple[str, ...]  # names of the options the set lists it as advocating
    opposes: tuple[str, ...]

    @property
    def stance_text(self) -> str:
        """The kind of voice it is in this set: for which options, against which."""
        parts = []
        if self.backs:
            parts.append("argues for " + ", ".join(self.backs))
        if self.opposes:
            parts.append("against " + ", ".join(self.opposes))
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]


def _number(value: float) -> str:
    return f"{value:.3g}"


def long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def title_content(state: BriefingState) -> TitleContent:
    ds = state.decision_set
    if state.profile_name is None:
        profile = UNSAVED
    else:
        profile = state.profile_name + (", modified" if state.modified else "")
    lens = ""
    if state.lens_active:
        off = [s.title for s in ds.sources if state.credibility(s.id) <= 0]
        lens = "Scores recomputed from the quotes, each source weighted by its credibility"
        lens += f"; switched off: {', '.join(off)}." if off else "."
    saved = state.profile_name is not None
    return TitleContent(
        ds.title,
        ds.question,
        profile,
        state.result.method.label,
        long_date(state.day),
        lens,
        state.profile_author.strip() if saved else "",
        " ".join(state.profile_rationale.split()) if saved else "",
        weights_from(state.elicitation),
    )


def weights_from(record: Elicitation | None) -> str:
    """How the weights were obtained, as the title slide and the PDF say it."""
    return "" if record is None else f"Weights from {record.describe()}."


def _drivers(state: BriefingState, i: int) -> list[Driver]:
    ds, res = state.decision_set, state.result
    out = []
    for j, crit in enumerate(ds.criteria):
        better = "higher" if crit.direction is Direction.HIGHER_IS_BETTER else "lower"
        share = float(res.weights[j])
        out.append(
            Driver(
                crit.id,
                j,
                crit.name,
                share,
                float(res.contributions[i, j]),
                share * (1.0 - float(res.desirability[i, j])),
                float(state.scores[i, j]),
                f"{_number(crit.scale.min)}–{_number(crit.scale.max)}, {better} is better",
                ds.assessment(ds.options[i].id, crit.id).unassessed,
            )
        )
    return out


def top_drivers(state: BriefingState, i: int, count: int = DRIVERS) -> list[Driver]:
    """Criteria carrying the most of option i's total. Zero contributions are no drivers, and
    unassessed cells are none either: their midpoint is a placeholder, not a strength (the
    slide lists them separately)."""
    every = [d for d in _drivers(state, i) if d.contribution > 0 and not d.unassessed]
    every.sort(key=lambda d: (-d.contribution, d.index))
    return every[:count]


def weakest(state: BriefingState, i: int, count: int = WEAKEST) -> list[Driver]:
    """Criteria where option i loses most: a poor score on a weighty criterion, not merely
    its lowest score (a poor score on a criterion nobody weights costs nothing)."""
    taken = {d.criterion for d in top_drivers(state, i)}
    every = [
        d
        for d in _drivers(state, i)
        if d.shortfall > 0 and d.criterion not in taken and not d.unassessed
    ]
    every.sort(key=lambda d: (-d.shortfall, d.index))
    return every[:count]


def _quotes(state: BriefingState, i: int) -> list[Quote]:
    ds, res = state.decision_set, state.result
    option = ds.options[i]
    sources = {s.id: s for s in ds.sources}
    out = []
    for j, crit in enumerate(ds.criteria):
        cell = ds.assessment(option.id, crit.id)
        if cell.unassessed:
            continue
        span = crit.scale.max - crit.scale.min
        score = float(state.scores[i, j])
        low = cell.low if cell.low is not None else score
        high = cell.high if cell.high is not None else score
        for item in cell.evidence:
            source = sources.get(item.source)
            credibility = state.credibility(item.source)
            if source is None or credibility <= 0:
                continue
            implied = item.implied_score
            gap = 0.0 if implied is None else abs(implied - score) / span
            if item.stance is Stance.SUPPORTS:
                strength = float(res.contributions[i, j]) * credibility
            else:
                far = gap if implied is not None else max(score - low, high - score) / span
                strength = far * float(res.weights[j]) * credibility
            out.append(
                Quote(
                    item.quote,
                    item.stance,
                    crit.id,
                    crit.name,
                    citation_for(source),
                    implied,
                    score,
                    strength,
                    gap,
                    item.verified,
                )
            )
    return out


def strongest(quotes: list[Quote], stance: Stance, count: int) -> list[Quote]:
    """The `count` strongest quotes of one stance, each sentence once.

    One quote per criterion comes first: two quotes backing the same cell tell an audience less
    than quotes behind two different numbers; further quotes from a criterion fill any places
    left over.
    """
    # a supporting quote closest to the score backs it most exactly; sorted() is stable, so
    # remaining ties keep set order (criteria, then quotes as written)
    ranked = sorted(
        (q for q in quotes if q.stance is stance and q.strength > 0),
        key=lambda q: (-q.strength, q.gap if stance is Stance.SUPPORTS else 0.0),
    )
    unique: list[Quote] = []
    seen: set[str] = set()
    for quote in ranked:
        key = normalise(quote.text)
        if key not in seen:
            seen.add(key)
            unique.append(quote)
    first: list[Quote] = []
    rest: list[Quote] = []
    criteria: set[str] = set()
    for quote in unique:
        (rest if quote.criterion in criteria else first).append(quote)
        criteria.add(quote.criterion)
    chosen = (first + rest)[:count]
    return sorted(chosen, key=unique.index)


def option_content(state: BriefingState, option_id: str, quotes: int = 2) -> OptionContent:
    """The option slide: summary, standing, drivers and up to `quotes` quotes of each stance."""
    ds, res = state.decision_set, state.result
    i = ds.option_ids.index(option_id)
    option = ds.options[i]
    found = _quotes(state, i)
    return OptionContent(
        option.id,
        option.name,
        option.summary,
        int(res.ranks[i]),
        res.tied(i),
        float(res.totals[i]),
        len(ds.options),
        res.method.label,
        tuple(top_drivers(state, i)),
        tuple(weakest(state, i)),
        tuple(strongest(found, Stance.SUPPORTS, quotes)),
        tuple(strongest(found, Stance.CONTRADICTS, quotes)),
        tuple(c.name for c in ds.criteria if ds.assessment(option.id, c.id).unassessed),
    )


def ranking_caption(state: BriefingState) -> str:
    """One sentence under the ranking chart: who leads, by how much, under which method."""
    ds, res = state.decision_set, state.result
    names = [o.name for o in ds.options]
    if res.weights_all_zero:
        return "Every weight is zero, so every option ties."
    first = int(res.order[0])
    leaders = [names[int(k)] for k in res.order if res.ranks[k] == 1]
    if len(leaders) > 1:
        return f"{' and '.join(leaders)} are tied for the lead ({res.method.label})."
    text = f"{names[first]} leads with {res.totals[first]:.2f} ({res.method.label})"
    if len(res.order) > 1:
        second = int(res.order[1])
        gap = res.totals[first] - res.totals[second]
        text += f", {gap:.2f} ahead of {names[second]}"
        # the uncertainty in the headline, as the window says it above its ranking
        _, lows, highs = ds.matrix()
        problem = ScoreMatrix.from_set(ds).with_scores(state.scores)
        ranges = total_ranges(problem, res.weights, lows, highs)
        tie = near_tie_text(names, ranges, res.order)
        if res.method is not Method.WSM:
            tie = f"By the weighted sum's ranges: {tie}"
        return f"{text}. {tie}"
    return text + "."


def weights_caption(state: BriefingState) -> str:
    """Which criteria carry the most weight, in words an audience can repeat."""
    ds, w = state.decision_set, state.result.weights
    if state.result.weights_all_zero:
        return "Every weight is zero."
    if np.allclose(w, w[0]):
        return f"All {len(w)} criteria weigh the same ({w[0]:.0%} each)."
    top = np.argsort(-w, kind="stable")[: min(3, len(w))]
    parts = [f"{ds.criteria[int(j)].name} {w[int(j)]:.0%}" for j in top]
    return "Heaviest: " + "; ".join(parts) + "."


def source_entries(state: BriefingState) -> list[SourceEntry]:
    """Every source of the set, in set order, with the quotes it supplies."""
    ds = state.decision_set
    counts = {s.id: [0, 0] for s in ds.sources}
    for cell in ds.assessments.values():
        for item in cell.evidence:
            if item.source in counts:
                counts[item.source][item.stance is Stance.CONTRADICTS] += 1
    return [
        SourceEntry(
            citation_for(s),
            s.position,
            sum(counts[s.id]),
            counts[s.id][0],
            counts[s.id][1],
            state.credibility(s.id),
            tuple(o.name for o in ds.options if s.id in o.advocates),
            tuple(o.name for o in ds.options if s.id in o.opponents),
        )
        for s in ds.sources
    ]


def evidence_age_text(state: BriefingState) -> str:
    """How old the newest evidence is on the briefing's day, with a warning past a year."""
    return evidence_age(state.decision_set, state.day).text


def sources_caption(state: BriefingState, entries: list[SourceEntry]) -> str:
    """The sources slide's caption: how many documents give how many quotes, and their age."""
    quotes = sum(e.quotes for e in entries)
    if len(entries) == 1:
        text = f"One document supplies the {quotes} quotes behind the scores"
    else:
        text = f"{len(entries)} documents supply the {quotes} quotes behind the scores"
    return f"{text}. {evidence_age_text(state)}"
