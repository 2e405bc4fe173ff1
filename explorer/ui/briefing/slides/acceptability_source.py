"""Which rank-acceptability run a chart paints: the session's background run, a complete run
already made for this result, or one made now — so a slide, a file and the live view agree.

Separate from the drawing helpers because it is a policy about data, not about pixels.
"""

from __future__ import annotations

from explorer.core.robustness import Acceptability
from explorer.ui.state.session import Session


def briefing_acceptability(session: Session) -> Acceptability:
    """Rank acceptability for the current result, run to completion on this thread (export,
    PDF): with the session's settings, so a slide and the live view agree, and through its
    Analysis, which keeps the answer, so repeated paints of one weighting sample once."""
    analysis = session.analysis
    if analysis is None:
        raise ValueError("no decision set loaded")
    return analysis.acceptability(session.sampling)


def current_acceptability(session: Session, final: bool = False) -> Acceptability | None:
    """The best complete answer for what is on screen: the background run when it is finished
    and current, else one already made for this result. On screen (not `final`), while a run
    for this state is under way, its partial snapshot — or None until its first chunk, which
    the chart shows as "sampling…" — rather than sampling on the GUI thread in a paint. For a
    file (`final`), or when nothing is sampling, a complete run is made here."""
    live = session.acceptability if session.acceptability_current else None
    if live is not None and live.done:
        return live
    analysis = session.analysis
    cached = None if analysis is None else analysis.cached_acceptability(session.sampling)
    if cached is not None:
        return cached
    if not final and session.sampling_running:
        return live
    return briefing_acceptability(session)
