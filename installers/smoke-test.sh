#!/usr/bin/env bash
# Checks that the Linux application image runs on its own runtime: the launcher prints the version, builds the
# demo project and reads it back. Fails if any step fails. Run after `installers/build.sh linux-image`.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=${1:-target/installer/image/refusal-workbench/bin/refusal-workbench}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export REFUSAL_WORKBENCH_DATA=$data

# No JDK on the PATH and no JAVA_HOME: the launcher must find everything in its own runtime.
run() {
    env -u JAVA_HOME PATH=/nonexistent "$launcher" "$@"
}

echo "==> $launcher --version"
version=$(run --version)
echo "    $version"
[[ $version == "Refusal Workbench "* ]]

echo "==> $launcher stats <demo project>"
demo=$(run demo)
run stats "$demo"
run stats --json "$demo" | grep -q '"prompts"'
echo "==> SQLite's native library is loaded from the image, not unpacked into the temporary folder"
# With a temporary folder that does not exist the driver cannot unpack its own copy, so this only works when
# the launcher points it at the image's library.
JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$data/no-such-folder" run stats "$demo" 2>/dev/null | grep -q 'responses'
echo "==> smoke test passed"
