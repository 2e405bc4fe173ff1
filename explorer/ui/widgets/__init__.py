"""Small widgets and graphics items the views share (legends, captions, text layers, rows)."""
