"""Policy Options Explorer: weight criteria, compare options, trace every score to a quote."""

__version__ = "0.1.0"
