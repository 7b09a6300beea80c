#!/usr/bin/env bash
# Records which classes the app loads from start to its first prompt on screen, into
# installers/common/startup-classes.lst. The installers turn that list into a class-data sharing archive, so the
# installed app maps those classes from one file instead of finding, reading and verifying each at every start.
# Re-run after changes that load many new classes at start-up (a stale list still works, just less well).
#   bench/startup-classlist.sh        (needs Xvfb; builds the Linux application image first)
set -euo pipefail
cd "$(dirname "$0")/.."
bash installers/build.sh linux-image >/dev/null
image=target/installer/image/refusal-workbench
display=:93
Xvfb $display -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb; rm -rf "$data"' EXIT
sleep 2
data=$(mktemp -d)
list=$(mktemp)
# The launcher's own options would load the archive being replaced; the runtime's java with the same class path
# loads the classes as the launcher does.
classpath=$(sed -n 's/^app.classpath=\$APPDIR/'"${image//\//\\/}"'\/lib\/app/p' "$image/lib/app/refusal-workbench.cfg" | paste -sd:)
DISPLAY=$display "$image/lib/runtime/bin/java" -Xshare:off -XX:DumpLoadedClassList="$list" -cp "$classpath" \
    -Drefusalworkbench.data="$data" -Drefusalworkbench.annotator=annotator-a -Drefusalworkbench.project=demo \
    -Drefusalworkbench.exitAfterFirstPrompt=true org.refusalworkbench.Main
{
    echo "# Classes loaded from start to the first prompt on screen; written by bench/startup-classlist.sh."
    cat "$list"
} > installers/common/startup-classes.lst
rm -f "$list"
echo "$(grep -vc '^#' installers/common/startup-classes.lst) classes in installers/common/startup-classes.lst"
