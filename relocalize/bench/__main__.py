"""python -m relocalize.bench GOLD.parquet [--controls CONTROLS.parquet] [--out REPORT_DIR] ..."""

import sys

from relocalize.bench.run import main

sys.exit(main())
