"""Stage 1: read the files of `data/`."""
