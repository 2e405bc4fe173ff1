"""Exporting from the window: PDF, print, charts as PNG/SVG, tables as CSV."""
