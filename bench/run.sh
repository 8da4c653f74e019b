#!/usr/bin/env bash
# The benchmark: bench/run.sh [--quick] [--jdbc-url URL [--user U] [--password P]]
# Prints one JSON object per line on standard output (progress on standard error); see bench/README.md.
# Builds the application and the benchmark first when their jars are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_JAR=ui/target/study-support.jar
BENCH_JAR=bench/target/study-support-bench.jar
if [[ ! -f "$APP_JAR" || ! -f "$BENCH_JAR" ]]; then
  echo "[bench] building the application and the benchmark" >&2
  mvn -B -ntp -q -DskipTests package >&2
fi
exec java -Xmx2g -jar "$BENCH_JAR" --app-jar "$APP_JAR" --work-dir bench/target "$@"
