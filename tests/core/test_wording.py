"""Shared wording: the same sentence in the window, the slides and the CLI."""

from __future__ import annotations

from explorer.core.wording import handover_text, weight_change


def test_weight_change_reads_as_the_cli_prints_it():
    assert weight_change(0.35, 0.0) == "weight 35 % → 0 %"
    assert weight_change(0.1, 0.357142) == "weight 10 % → 35.7 %"


def test_handover_counts_the_bars_drawn_and_names_the_rest_apart():
    assert handover_text(0, 10, 0, 30) == "No single cell's range hands over the lead."
    assert handover_text(3, 12, 3, 12).startswith("3 cells' ranges alone could hand over")
    assert handover_text(1, 12, 1, 12).startswith("1 cell's range alone")
    part = handover_text(2, 6, 8, 30)
    assert part.startswith("2 of the 6 bars drawn cross the dashed line")
    assert part.endswith("; 6 more of the 24 cells not drawn could too.")
    assert handover_text(0, 6, 2, 30).startswith("None of the 6 bars drawn crosses")
    tied = handover_text(2, 6, 2, 6, 3)
    assert tied.endswith(" 3 more bars end on the line: at most those cells tie the lead.")
    assert handover_text(0, 6, 0, 6, 1).endswith(
        "1 more bar ends on the line: at most that cell ties the lead."
    )
