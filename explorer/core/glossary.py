"""The terms the app, the slides and the CLI use, each said once in plain words.

The Help menu shows these; keeping them beside the core they describe (Qt-free) lets a test hold
each definition to the numbers the engine actually computes.
"""

from __future__ import annotations

GLOSSARY: tuple[tuple[str, str], ...] = (
    (
        "Desirability",
        "A score put on a common 0–1 scale where 1 is always best: the score's place between "
        "its scale's ends, turned round for criteria where lower is better (a cost of 2 on "
        "0–10 has desirability 0.8). Every method works on desirabilities, so criteria measured "
        "differently can be added up.",
    ),
    (
        "Weighted sum",
        "The default scoring method: each option's total is the sum over criteria of the "
        "criterion's weight share times the option's desirability on it. Totals run from 0 "
        "(worst on everything) to 1 (best on everything), and each criterion's part of a total "
        "is shown as its segment of the bar.",
    ),
    (
        "TOPSIS",
        "An alternative scoring method: each option's closeness to an ideal option (best "
        "weighted desirability on every criterion) against its distance from the worst one, "
        "from 0 to 1. It rewards balanced options more than the weighted sum does, and a "
        "criterion's part of the total is not additive.",
    ),
    (
        "Pareto-efficient",
        "On the tradeoff map, an option no other option beats on both axes at once: to do "
        "better on one axis you must give something up on the other. The others are dominated.",
    ),
    (
        "Stability band",
        "How far one criterion's weight can move, the others rescaled in proportion, before the "
        "leading option changes; drawn on each weight slider. Inside the band the leader stays "
        "first; at each end the option that takes over is named.",
    ),
    (
        "Rank acceptability",
        "How often each option takes each rank when the weights (and, if chosen, the scores "
        "within their assessed ranges) are drawn at random many times: a 60 % chance of first "
        "means the option leads in 60 of every 100 weightings drawn.",
    ),
    (
        "Supports / contradicts",
        "A quote supports a score when the source backs the number given; it contradicts it "
        "when the source argues for a different score. Contradicting quotes are why a cell has "
        "a low–high range, and the briefing shows the strongest of both.",
    ),
)
