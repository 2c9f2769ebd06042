"""Test helper (TF2 process): `smmigrate.verify(A, B)` on two SavedModels; prints the verdict and table."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
import smmigrate  # noqa: E402

report = smmigrate.verify(sys.argv[1], sys.argv[2])
print("equivalent:", report.equivalent)
print(report.format_table())
