#!/usr/bin/env bash
# Render what users see as PNG pictures, for a person to look at (not run in CI).
#
#   apt-get install chromium      # Debian's package; once
#   scripts/screenshots.sh [OUT]  # default OUT: docs/screenshots
#
# Each command saves its rich table with --html; headless Chromium photographs the page.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
    echo "screenshots: no chromium on PATH (apt-get install chromium)" >&2
    exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

shoot() {  # NAME WIDTH HEIGHT -- enrollgap arguments
    local name=$1 width=$2 height=$3
    shift 4
    enrollgap "$@" --html "$out/$name.html" >/dev/null 2>&1 || true
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" --window-size="$width,$height" \
        --screenshot="$out/$name.png" "file://$out/$name.html" 2>/dev/null
    echo "$out/$name.png"
}

shoot report 1500 420 -- report tests/data/provinces.csv --target 10 --by 2025 --from 2020 --premium 16800
shoot report-id 1400 260 -- report --locale id -s BPU 48.858 "1,34 juta" --target 10 --by 2025 --from 2020
shoot project 1100 420 -- project -s BPU 48858 1340000 --from 2020 --target 10 --by 2025 --retention 90
shoot check 1300 300 -- check tests/data/published.csv
