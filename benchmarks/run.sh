#!/usr/bin/env bash
# Runs Gatehouse's benchmarks side by side with their peers and prints the ratio tables for docs/PERFORMANCE.md.
#
#   benchmarks/run.sh                      every row, recommended settings (about 80 minutes on 2 cores)
#   benchmarks/run.sh token bcrypt         some rows: token, bcrypt, pbkdf2, login, resolve, resolve-threads, mail,
#                                          lookup, delete-expired (PostgreSQL on 127.0.0.1:5432, else H2 only)
#   benchmarks/run.sh --quick token        smoke run: proves the benchmarks run, figures not worth quoting
#   benchmarks/run.sh login -- -prof gc    JMH options after --, overriding the row's settings
#   benchmarks/run.sh footprint            jar sizes and transitive dependencies (no JMH)
#
# Environment: BUILD=0 skips the Maven build when benchmarks/target/benchmarks.jar exists; MVN_ARGS adds Maven
# options (e.g. MVN_ARGS=-o for offline); JAVA_OPTS adds options to the JVM that drives JMH (forks get JMH's -jvmArgs).
# The output goes to the terminal and to benchmarks/results/<date>-<rows>.log; JMH's JSON to benchmarks/results/.
# Run on a quiet machine: nothing else compiling or testing, and note `uptime` before and after.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar

rows=()
for arg in "$@"; do
  [[ "$arg" == "--" ]] && break
  rows+=("$arg")
done
if [[ " ${rows[*]:-} " == *" footprint "* ]]; then
  if (( ${#rows[@]} != 1 )); then
    echo "footprint runs alone: benchmarks/run.sh footprint" >&2
    exit 2
  fi
  exec benchmarks/footprint.sh
fi

if [[ "${BUILD:-1}" != 0 || ! -f "$jar" ]]; then
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} package -pl benchmarks -am -DskipTests
fi

mkdir -p benchmarks/results
name="$(date -u +%Y%m%dT%H%M%SZ)-$(IFS=-; echo "${rows[*]:-all}" | tr -d ' ')"
log="benchmarks/results/${name}.log"
{
  echo "Command: benchmarks/run.sh $*"
  echo "Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
  echo "nproc: $(nproc)"
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "JDK: $(java -version 2>&1 | tr '\n' ' ')"
  echo "Before: $(uptime)"
} | tee "$log"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dgatehouse.bench.out=benchmarks/results -cp "$jar" io.gatehouse.bench.Compare "$@" 2>&1 | tee -a "$log"
echo "After: $(uptime)" | tee -a "$log"
echo "Log: $log"
