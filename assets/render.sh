#!/usr/bin/env bash
# Renders every icon file from icon/refusal-workbench.svg; the rendered files are committed so that building an
# installer needs none of these tools. Needs rsvg-convert (librsvg2-bin), ImageMagick and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")/icon"

svg=refusal-workbench.svg
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" "$svg" --output "refusal-workbench-$size.png"
done

# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
convert refusal-workbench-{16,24,32,48,64,256}.png -define png:exclude-chunks=date,time refusal-workbench.ico

# macOS: png2icns picks the icon type from each PNG's size.
png2icns refusal-workbench.icns refusal-workbench-{16,32,48,128,256,512}.png >/dev/null
