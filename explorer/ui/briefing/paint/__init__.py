"""QPainter drawings of every chart for slides, PDF, PNG and SVG."""
