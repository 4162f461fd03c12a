#!/usr/bin/env bash
# Callback benchmark: bench/callback.sh [attempts] [deliveries per token] [threads] [warm-up attempts]
#   (default 2000 3 32 4000)
#
# Builds db, domain and payment-module from this checkout (reactor, nothing installed) and runs CallbackBench
# (payment-module test sources): an embedded MariaDB with the real migrations, the real iyzipay-java client against the
# HTTPS iyzico stub, and the real settlement. Every token is delivered several times at once (callback, refresh,
# webhook). Last line:
#   callback-bench settled_per_s=X duplicates=D
# Targets: X >= 200 and D = 0. Exits non-zero if any attempt is left unsettled or a delivery failed.
set -euo pipefail
for a in "$@"; do
  [[ $a =~ ^[0-9]+$ ]] || { echo "usage: $0 [attempts] [deliveries] [threads] [warm-up attempts]" >&2; exit 2; }
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl payment-module -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test ${BENCH_MVN_ARGS:-}
cp="$root/payment-module/target/test-classes:$root/payment-module/target/classes"
cp="$cp:$(cat payment-module/target/test-classpath.txt)"
# the run's embedded database (about 0.5 GB) lives in bench/target/callback-bench and is removed afterwards
work="$root/bench/target/callback-bench"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$work"
java -Xmx1g ${BENCH_JAVA_OPTS:-} -Djava.util.logging.config.file=/dev/null \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$cp" org.sutahsilat.payment.card.CallbackBench "$@"
