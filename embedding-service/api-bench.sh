#!/usr/bin/env bash
# The atlas API bench (docs/benchmarks.md, "Atlas API at 100,000 cells"): packages embedding-service, then runs
# org.patchmap.embedding.bench.AtlasApiBench from the repository root. Options go to the bench:
#   embedding-service/api-bench.sh [--cells 100000] [--placed 500]
# Loopback only; a fixed number of requests per endpoint. BENCH_SKIP_BUILD=1 reuses the last build;
# BENCH_HEAP (default 3g) is the heap of the bench JVM, which holds the MongoDB-wire server.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -ntp -o -q -pl embedding-service -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
cp="embedding-service/target/test-classes:embedding-service/target/classes:$(cat embedding-service/target/bench-classpath.txt)"
# The bench's JVM holds the Kafka broker and the MongoDB-wire server (H2 file in a temporary folder).
exec java -Xmx"${BENCH_HEAP:-3g}" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$cp" org.patchmap.embedding.bench.AtlasApiBench "$@"
