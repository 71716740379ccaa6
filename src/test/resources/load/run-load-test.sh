#!/usr/bin/env bash
# One load-test run as reported in docs/benchmarks.md ("Chat under load (Gatling)"): starts the service
# with ./mvnw spring-boot:run on port 8080 with its own H2 file, samples its CPU and heap, warms it up,
# runs the Gatling simulation, reads the service's own reply-time histogram from /actuator/prometheus,
# stops the service and prints a summary. All of it is kept in target/load/<label>/ (the Gatling report
# in report/).
#
#   src/test/resources/load/run-load-test.sh <label> [conversations] [service arguments...]
#
# e.g.  src/test/resources/load/run-load-test.sh g1 2000 --clinicfaq.chat.max-connections=2100
# Environment: RAMP and HOLD (seconds, default 60 and 120); JVM_ARGS to replace the service's JVM options
# from the pom (clinicfaq.run.jvm.args), e.g. JVM_ARGS="--enable-native-access=ALL-UNNAMED -XX:+UseZGC". The pom's is a
# fixed 512 MB heap since issue #18; the runs in docs/benchmarks.md before it had 2 GB:
# JVM_ARGS="--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -XX:+UseG1GC -Xms2g -Xmx2g -XX:MaxGCPauseMillis=8"
set -euo pipefail
cd "$(dirname "$0")/../../../.."
label=${1:?a label for the run}; conversations=${2:-2000}; shift $(( $# < 2 ? $# : 2 ))
out=target/load/$label
rm -rf "$out" && mkdir -p "$out/data"
password=load-test-$RANDOM$RANDOM
if curl -s -o /dev/null localhost:8080; then echo "port 8080 is taken: stop what runs there first" >&2; exit 1; fi

jvm=(-Dclinicfaq.run.jvm.extra="-Xlog:gc:file=$PWD/$out/gc.log")
[[ -n "${JVM_ARGS:-}" ]] && jvm+=(-Dclinicfaq.run.jvm.args="$JVM_ARGS")
arguments="--spring.datasource.url=jdbc:h2:file:./$out/data/clinicfaq;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
arguments+=" --clinicfaq.outbox.path=$out/data/outbox.jsonl --clinicfaq.staff.metrics.password=$password"
# every Gatling visitor comes from 127.0.0.1: the per-address limits are raised
arguments+=" --clinicfaq.chat.rate-limit.connections-per-address=100000"
arguments+=" --clinicfaq.chat.rate-limit.address-burst=100000 --clinicfaq.chat.rate-limit.address-interval=1ms"
arguments+=" --clinicfaq.chat.rate-limit.new-connection-burst=100000 --clinicfaq.chat.rate-limit.new-connection-interval=1ms $*"
# optimizedLaunch=false: otherwise spring-boot:run adds -XX:TieredStopAtLevel=1 (no C2 compiler)
./mvnw -q spring-boot:run -Dspring-boot.run.optimizedLaunch=false "${jvm[@]}" \
    -Dspring-boot.run.arguments="$arguments" > "$out/service.log" 2>&1 &
maven=$!
service=
# on any exit, also a failed step: the service JVM is Maven's child and would outlive Maven on port 8080
trap 'kill $service $maven 2>/dev/null; pkill -P $$ 2>/dev/null; true' EXIT
for _ in $(seq 1 180); do curl -sf localhost:8080/actuator/health > /dev/null && break; sleep 1; done
service=$(jcmd -l | awk '/com.clinicfaq.ClinicFaqApplication/ {print $1; exit}')
src/test/resources/load/sample-service.sh "$service" 5 > "$out/service.csv" 2>/dev/null &
sampler=$!

scrape() { curl -sf -u "metrics:$password" localhost:8080/actuator/prometheus > "$1"; }
./mvnw -q gatling:test -Dconversations=300 -Dramp=10 -Dhold=30 -Dassert=false > "$out/warmup.log" 2>&1
scrape "$out/prometheus-before.txt"
./mvnw -q gatling:test -Dconversations="$conversations" -Dramp="${RAMP:-60}" -Dhold="${HOLD:-120}" -Dassert=false \
    > "$out/gatling.log" 2>&1 || true
scrape "$out/prometheus-after.txt"
cp -r "$(ls -d target/gatling/chatsimulation-* | tail -1)" "$out/report"
cp target/gatling/gatling-gc.log "$out/" 2>/dev/null || true
kill "$sampler" "$service"; wait "$maven" 2>/dev/null || true
python3 src/test/resources/load/summary.py "$out" | tee "$out/summary.txt"
