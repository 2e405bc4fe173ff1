"""The live charts over the session, drawn with pyqtgraph.

Their briefing twins (QPainter) are in ui/briefing/paint.
"""
