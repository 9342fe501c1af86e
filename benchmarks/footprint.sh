#!/usr/bin/env bash
# Footprint: the jars an application adds to its runtime classpath to use Gatehouse, and the peers' equivalents.
#
#   benchmarks/footprint.sh        (or: benchmarks/run.sh footprint)
#
# Gatehouse's modules are packaged from this reactor and their runtime dependencies resolved with
# `mvn dependency:build-classpath -DincludeScope=runtime`; each peer is one POM under benchmarks/footprint/,
# resolved the same way from the local repository (~/.m2). Sizes are the jar files' bytes on disk. "provided"
# dependencies (the servlet API) count on neither side. MVN_ARGS adds Maven options (MVN_ARGS=-o for offline).
# To add a stack: a `reactor_stack "<name>" <module>...` line for ours, or a POM under benchmarks/footprint/ and a
# `pom_stack "<name>" <file>` line for a peer.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prints "<jars> <bytes>" for a file of jar paths, one a line, and keeps the list for the details.
measure() {
  local list="$1" name="$2"
  sort -u "$list" | grep -v '^$' > "$work/$name.jars"
  local count bytes
  count=$(wc -l < "$work/$name.jars")
  bytes=$(xargs -r stat -c %s < "$work/$name.jars" | awk '{s += $1} END {print s + 0}')
  echo "$count $bytes"
}

# Maven, its output (only errors, with -q) on stderr without colour codes.
maven() {
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
}

classpath() {
  maven "$@" dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/cp"
  tr ':' '\n' < "$work/cp"
}

results=()
reactor_stack() {
  local name="$1"; shift
  local modules; modules=$(IFS=,; echo "$*")
  # One reactor build, so that a module's dependency on another module (servlet on core) resolves to the jar just
  # packaged rather than to ~/.m2, where nothing is installed. Each module writes its classpath in its target/.
  maven package dependency:build-classpath -pl "$modules" -am -DskipTests -Dmaven.javadoc.skip=true \
    -DincludeScope=runtime -Dmdep.outputFile=target/footprint.classpath
  : > "$work/list"
  local module
  for module in "$@"; do
    ls "$module"/target/*.jar | grep -Ev -- '-(sources|javadoc|tests)\.jar$' >> "$work/list"
    { tr ':' '\n' < "$module/target/footprint.classpath"; echo; } >> "$work/list"
  done
  # One spelling per jar (relative from ls, absolute from Maven), so that sort -u counts each once.
  grep -v '^$' "$work/list" | xargs -r readlink -f > "$work/list.abs"
  results+=("$name|$(measure "$work/list.abs" "$name")")
}

pom_stack() {
  local name="$1" pom="$2"
  classpath -f "$pom" > "$work/list"
  results+=("$name|$(measure "$work/list" "$name")")
}

reactor_stack "Gatehouse: gatehouse-core" core
reactor_stack "Gatehouse: gatehouse-core + gatehouse-servlet" core servlet
pom_stack "Spring Security 7.0.5: core + crypto + web" benchmarks/footprint/spring-security.xml
pom_stack "Apache Shiro 2.0.5: shiro-core + shiro-web" benchmarks/footprint/shiro.xml

echo "| stack | jars | bytes | MiB |"
echo "|---|---:|---:|---:|"
for row in "${results[@]}"; do
  IFS='|' read -r name numbers <<< "$row"
  read -r count bytes <<< "$numbers"
  printf '| %s | %d | %d | %.2f |\n' "$name" "$count" "$bytes" "$(awk -v b="$bytes" 'BEGIN {print b / 1048576}')"
done
echo
for row in "${results[@]}"; do
  name="${row%%|*}"
  echo "$name:"
  while read -r jar; do
    printf '  %10d  %s\n' "$(stat -c %s "$jar")" "$(basename "$jar")"
  done < "$work/$name.jars"
done
