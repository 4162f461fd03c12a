#!/usr/bin/env bash
# Billing benchmark: bench/billing.sh N [chunk size]
# Builds db, domain and bench from this checkout (reactor, nothing installed), then runs BillingBench:
# an embedded MariaDB under bench/target/bench-db (fresh each run), N subscribers with a reading, the real
# BillingRunService over RESOURCE_LOCAL chunk transactions, and the raw JDBC batch-insert ceiling.
set -euo pipefail
if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 N [chunk-size]" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -Pbench -pl bench -am package -DskipTests ${BENCH_MVN_ARGS:-}
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$cp" org.sutahsilat.bench.BillingBench "$@"
