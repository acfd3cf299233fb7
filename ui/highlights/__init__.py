"""Personal-data highlights: the legend with per-label toggles and the grouped list of spans."""
