#!/usr/bin/env bash
# Samples a running ClinicFAQ service's CPU and heap during a load test (docs/benchmarks.md,
# "Chat under load (Gatling)"). Prints one CSV line per interval until stopped (Ctrl-C) or the
# service exits:
#   time, service CPU % of one core, machine CPU % busy (all cores), service RSS MB,
#   heap used MB, heap capacity MB (jcmd GC.heap_info; ZGC and G1 both), 1-minute load average
#
#   src/test/resources/load/sample-service.sh [pid] [seconds] > target/gatling/service.csv
# Without a pid it takes the JVM running com.clinicfaq.ClinicFaqApplication.
set -euo pipefail
pid=${1:-$(jcmd -l | awk '/com.clinicfaq.ClinicFaqApplication/ {print $1; exit}')}
interval=${2:-5}
[[ -n "$pid" && -d /proc/$pid ]] || { echo "no service JVM found" >&2; exit 1; }
ticks=$(getconf CLK_TCK)

proc_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }             # utime + stime
machine() { awk '/^cpu / {print $2+$3+$4+$5+$6+$7+$8, $5+$6}' /proc/stat; } # total, idle + iowait

echo "time,service_cpu_pct,machine_cpu_pct,rss_mb,heap_used_mb,heap_capacity_mb,load1"
prev_proc=$(proc_ticks); read -r prev_total prev_idle < <(machine); prev_time=$(date +%s.%N)
while sleep "$interval" && [[ -d /proc/$pid ]]; do
    now_proc=$(proc_ticks); read -r now_total now_idle < <(machine); now_time=$(date +%s.%N)
    service=$(awk -v d=$((now_proc - prev_proc)) -v t="$ticks" -v s="$prev_time" -v e="$now_time" \
        'BEGIN {printf "%.0f", 100 * d / t / (e - s)}')
    busy=$(awk -v dt=$((now_total - prev_total)) -v di=$((now_idle - prev_idle)) \
        'BEGIN {printf "%.0f", dt ? 100 * (dt - di) / dt : 0}')
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    # ZGC: " ZHeap           used 123M, capacity 456M, max capacity 6144M";
    # G1: "garbage-first heap   total reserved 2097152K, committed 2097152K, used 92160K [...]"
    heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '
        function mb(v) { u = substr(v, length(v)); n = v + 0; return u == "K" ? n / 1024 : u == "G" ? n * 1024 : n }
        /ZHeap/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "used") used = mb($(i+1)); if ($i == "capacity" && $(i-1) != "max") cap = mb($(i+1)) } }
        /garbage-first heap/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "used") used = mb($(i+1)); if ($i == "committed") cap = mb($(i+1)) } }
        END { printf "%.0f,%.0f", used, cap }')
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "$(date +%H:%M:%S),$service,$busy,$rss,$heap,$load"
    prev_proc=$now_proc; prev_total=$now_total; prev_idle=$now_idle; prev_time=$now_time
done
