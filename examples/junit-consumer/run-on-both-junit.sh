#!/usr/bin/env bash
# Runs the example on JUnit 5 and on JUnit 6; fails if either run fails or runs no test.
# The simulator artifact must be installed already: mvn -B -ntp install -DskipTests -pl simulator -am
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
reports="$here/target/surefire-reports"

for junit in 5.10.5 6.1.3; do
  echo "junit-consumer on JUnit $junit"
  if ! mvn -B -ntp -f "$here/pom.xml" clean verify -Djunit.version="$junit"; then
    echo "junit-consumer FAILED on JUnit $junit (see the Maven output above)" >&2
    exit 1
  fi
  ran=$(cat "$reports"/*.xml 2>/dev/null | grep -o '<testcase' | wc -l || true)
  if [ "$ran" -eq 0 ]; then
    echo "junit-consumer ran NO test on JUnit $junit (nothing in $reports)" >&2
    exit 1
  fi
  echo "junit-consumer on JUnit $junit: $ran test(s) passed"
done
