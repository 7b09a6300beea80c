#!/usr/bin/env bash
# Labelling-workspace benchmark on a generated 1,000,000-response project with five annotators' labels.
#   bench/workspace-bench.sh [RESPONSES]      (default 1,000,000)
# 1. view-model timings: next prompt (p95 goal < 16 ms), label toggle durable (median goal < 2 ms), heap (< 300 MB)
# 2. the real app under Xvfb: time from JVM start to the first prompt on screen (goal < 2 s)
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${1:-1000000}
project=bench/out/big-$responses.db
[ -f "$project" ] || bench/make-big-project.sh "$responses" "$project"
mvn -B -q -DskipTests package
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"

echo "== view model, -Xmx300m"
java -Xmx300m -cp "$cp" org.refusalworkbench.bench.WorkspaceBenchmark "$project" 2000

echo "== app start to first prompt on screen (Xvfb)"
display=:91
if [ ! -S /tmp/.X11-unix/X91 ]; then
    Xvfb $display -screen 0 1600x1000x24 >/dev/null 2>&1 &
    sleep 2
fi
data=$(mktemp -d)
# The installed app as the menu entry starts it (the desktop launcher of the application image), and for
# comparison the plain jar on the JDK. The launcher takes JVM options only from its configuration, so the
# benchmark's own properties go through JAVA_TOOL_OPTIONS.
bash installers/build.sh linux-image >/dev/null
launcher=target/installer/image/refusal-workbench/bin/refusal-workbench-desktop
# Preferences of their own: the runs would otherwise put the benchmark project on the user's recent list.
timing="-Xmx300m -Drefusalworkbench.backups=0 -Drefusalworkbench.exitAfterFirstPrompt=true -Djava.util.prefs.userRoot=$data"
for run in 1 2 3 4 5; do
    printf 'desktop launcher, run %d: ' "$run"
    DISPLAY=$display JAVA_TOOL_OPTIONS="$timing" REFUSAL_WORKBENCH_DATA="$data" timeout 60 \
        "$launcher" --annotator=annotator-1 "$project" 2>/dev/null | grep "first prompt on screen"
done
for run in 1 2 3; do
    printf 'java -jar, run %d: ' "$run"
    DISPLAY=$display timeout 60 java $timing -Drefusalworkbench.data="$data" \
        -Drefusalworkbench.annotator=annotator-1 -Drefusalworkbench.project="$project" \
        -jar target/refusal-workbench.jar 2>/dev/null | grep "first prompt on screen"
done
rm -rf "$data"
