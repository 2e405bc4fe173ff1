"""The side panels: weights, evidence, sources and the source viewer."""
