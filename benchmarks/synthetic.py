#!/usr/bin/env python3
"""Write a synthetic, consistent data folder of any size (for the benchmarks).

    python benchmarks/synthetic.py TARGET [--years 20] [--rows 40] [--no-progress]

The work is in ita_site/devtools/synthetic.py.
"""

from ita_site.devtools.synthetic import main

if __name__ == "__main__":
    raise SystemExit(main())
