#!/usr/bin/env bash
# Agreement benchmark: the whole CLI run on a 1,000,000 units x 5 raters x 10 categories CSV versus
# pandas + statsmodels (read, aggregate, fleiss_kappa) on the same file, then JMH for the computation alone.
# Usage: bench/agreement-bench.sh [runs=3]   (from anywhere; needs java 17, maven, python3 with statsmodels)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PYTHON=${PYTHON3:-python3}
"$PYTHON" -c "import statsmodels, pandas" 2>/dev/null || PYTHON=/usr/bin/python3
CSV=bench/out/ratings-1m.csv
mkdir -p bench/out

mvn -B -q -DskipTests package
[ -f "$CSV" ] || java bench/GenerateRatings.java "$CSV" 1000000 5 10 1

# Until the root command registers `agreement`, the command class has its own main.
if unzip -l target/refusal-workbench.jar | grep -q 'org/refusalworkbench/cli/RootCommand.class'; then
  AGREEMENT=(org.refusalworkbench.Main agreement)
else
  AGREEMENT=(org.refusalworkbench.cli.AgreementCommand)
fi

seconds() { local start=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $start" | bc; }

echo "file: $CSV ($(du -h "$CSV" | cut -f1)), $RUNS runs each, $(nproc) cores"
for run in $(seq "$RUNS"); do
  ours=$(seconds java -cp target/refusal-workbench.jar "${AGREEMENT[@]}" --ratings "$CSV" --json --bootstrap 0)
  python=$(seconds "$PYTHON" bench/statsmodels_fleiss.py "$CSV")
  printf 'run %d: agreement CLI (no bootstrap) %6.2f s   python statsmodels %6.2f s   ratio %5.2fx\n' \
    "$run" "$ours" "$python" "$(echo "$python / $ours" | bc -l)"
done
printf 'agreement CLI with the default 1000-resample bootstrap: %.2f s\n' \
  "$(seconds java -cp target/refusal-workbench.jar "${AGREEMENT[@]}" --ratings "$CSV" --json)"

mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  'org.refusalworkbench.bench.AgreementBenchmark' -rf text -rff bench/out/agreement-jmh.txt
