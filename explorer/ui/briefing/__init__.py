"""Briefing mode: every chart painted by one QPainter path for screen, PDF, PNG and SVG."""
