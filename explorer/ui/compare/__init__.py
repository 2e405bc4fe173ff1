"""The Compare window: profiles side by side, slope graph, weight table, group view, drivers."""
