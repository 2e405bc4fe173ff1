"""The ranking chart: stacked bars per option, its axes, rows and labels."""
