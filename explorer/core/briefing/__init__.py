"""Briefing: which slides a presentation or PDF shows, in what order, with what notes and content.

Qt-free so the `brief` command, the tests and the presentation window agree on one deck.
"""
