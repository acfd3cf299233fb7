"""Content and writers for the bundled sample collection (see scripts/make_sample.py)."""
