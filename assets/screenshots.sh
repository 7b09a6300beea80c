#!/usr/bin/env bash
# Renders assets/screenshots/*.png: the app as installed, on the demo project, in a virtual X display.
# Needs Xvfb, xdotool and ImageMagick, and the app image from `installers/build.sh linux-image`.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=target/installer/image/refusal-workbench/bin/refusal-workbench
display=:${SCREENSHOT_DISPLAY:-97}
data=$(mktemp -d)
app=
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1

export DISPLAY=$display REFUSAL_WORKBENCH_DATA=$data
"$launcher" &
app=$!
window=$(xdotool search --sync --onlyvisible --name '^Refusal Workbench' | head -n 1)
sleep 3 # the first frames after the window maps are still blank
import -window "$window" -define png:exclude-chunks=date,time assets/screenshots/demo-overview.png
echo "assets/screenshots/demo-overview.png"
