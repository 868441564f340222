#!/usr/bin/env bash
# Render what users see as PNG pictures, for a person to look at (not run in CI).
#
#   pip install cairosvg          # once, in the environment enrollgap runs in
#                                 # (it needs the cairo library: Debian's libcairo2)
#   scripts/screenshots.sh [OUT]  # default OUT: docs/screenshots
#
# Each command saves its rich table with --svg, which is as wide as the table
# (a picture is never cut off on the right), and cairosvg draws the SVG as PNG.
# cairosvg does not fall back from a font it lacks to "monospace", so the
# pictures name DejaVu Sans Mono (Debian's monospace font) instead of the
# Fira Code that rich's SVG asks for, at the size that fills rich's cells.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
if ! python -c "import cairosvg" 2>/dev/null; then
    echo "screenshots: cairosvg is not installed (pip install cairosvg)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shoot() {  # NAME -- enrollgap arguments
    local name=$1
    shift 2
    enrollgap "$@" --svg "$work/$name.svg" >/dev/null 2>&1 || true
    python - "$work/$name.svg" "$out/$name.png" <<'PY'
import io
import sys

import cairosvg
from PIL import Image  # installed with cairosvg

svg, png = sys.argv[1:]
# rich lays out cells 0.61 em wide (Fira Code's advance); DejaVu Sans Mono's is
# 1233/2048 em, so its size grows to fill each cell. cairo rounds advances to
# whole pixels, so the page is drawn 5x (a cell is then 61 px) and scaled back.
size = 20 * 0.61 / (1233 / 2048)
text = open(svg, encoding="utf-8").read()
text = text.replace(
    "font-family: Fira Code, monospace;\n        font-size: 20px;",
    f"font-family: DejaVu Sans Mono;\n        font-size: {size:.3f}px;",
)
image = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=text.encode("utf-8"), scale=5)))
image.resize((image.width // 5, image.height // 5), Image.LANCZOS).save(png, optimize=True)
PY
    echo "$out/$name.png"
}

shoot report -- report tests/data/provinces.csv --target 10 --by 2025 --from 2020 --premium 16800
shoot report-id -- report --locale id -s BPU 48.858 "1,34 juta" --target 10 --by 2025 --from 2020
shoot project -- project -s BPU 48858 1340000 --from 2020 --target 10 --by 2025 --retention 90
shoot check -- check tests/data/published.csv
