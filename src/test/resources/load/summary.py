#!/usr/bin/env python3
"""Summarises one run of run-load-test.sh (docs/benchmarks.md): reply times by kind from the Gatling
report, the service's own reply-time histogram, its CPU and memory on the plateau, and GC pauses.

    python3 src/test/resources/load/summary.py target/load/<label>
"""
import os
import re
import sys

run = sys.argv[1]


def gatling_table(report):
    page = open(os.path.join(report, "index.html"), encoding="utf-8").read()
    body = page[page.index("container_statistics_body"):]
    for row in re.finditer(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', body, re.S):
        name = row.group(1)
        values = re.findall(r'<td class="value [^"]*">([^<]*)</td>', row.group(2))
        if name.startswith("send ") or len(values) < 13:
            continue  # Gatling's own 0 ms record of each send
        total, ok, ko, _, rate, _, p50, _, p95, p99, top = values[:11]
        print(f"  {name:22s} {total:>7s} replies ({rate:>6s}/s over the run), {ko:>5s} failed; "
              f"p50 {p50:>4s}  p95 {p95:>4s}  p99 {p99:>5s}  max {top:>5s} ms")


def histogram(path):
    buckets = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r'clinicfaq_chat_reply_seconds_bucket\{le="([^"]+)"\} (\S+)', line)
        if m:
            buckets[float("inf") if m.group(1) == "+Inf" else float(m.group(1))] = float(m.group(2))
    return buckets


def service_side(before, after):
    a, b = histogram(after), histogram(before)
    counts = {le: a[le] - b.get(le, 0) for le in a}
    bounds = sorted(counts)
    n = counts[bounds[-1]]
    found = []
    for q in (0.5, 0.95, 0.99, 0.999):
        le = next(le for le in bounds if counts[le] >= q * n)
        found.append(f"p{q * 100:g} ≤ {le * 1000:.1f}")
    print(f"  service side: {n:.0f} replies; " + ", ".join(found) + " ms (histogram bucket bounds)")


def plateau(csv):
    rows = [line.strip().split(",") for line in open(csv, encoding="utf-8")][1:]
    rows = [r for r in rows if len(r) == 7 and r[1].isdigit()]
    cpus = sorted(int(r[1]) for r in rows)
    busy = cpus[int(len(cpus) * 0.9)] / 2  # the plateau: at least half the 90th percentile
    top = [r for r in rows if int(r[1]) >= busy]
    cpu = sorted(int(r[1]) for r in top)[len(top) // 2]
    machine = sorted(int(r[2]) for r in top)[len(top) // 2]
    print(f"  service CPU (median of {len(top)} samples on the plateau) {cpu} % of a core, machine {machine} % busy; "
          f"RSS max {max(int(r[3]) for r in rows)} MB, heap used max {max(int(r[4]) for r in rows)} MB; "
          f"load average {min(float(r[6]) for r in top)}–{max(float(r[6]) for r in top)}")


def pauses(log, who):
    if not os.path.exists(log):
        return
    times = sorted(float(m) for m in re.findall(r"Pause.* ([\d.]+)ms$", open(log, encoding="utf-8").read(), re.M))
    cycles = re.findall(r"(Minor|Major) Collection.* ([\d.]+)s$", open(log, encoding="utf-8").read(), re.M)
    if times:
        print(f"  {who} GC pauses: {len(times)}, median {times[len(times) // 2]:.1f} ms, max {times[-1]:.1f} ms")
    if cycles:
        seconds = sorted(float(c[1]) for c in cycles)
        print(f"  {who} ZGC cycles: {len(seconds)}, median {seconds[len(seconds) // 2]:.2f} s, max {seconds[-1]:.2f} s")


print(run)
gatling_table(os.path.join(run, "report"))
service_side(os.path.join(run, "prometheus-before.txt"), os.path.join(run, "prometheus-after.txt"))
plateau(os.path.join(run, "service.csv"))
pauses(os.path.join(run, "gc.log"), "service")
pauses(os.path.join(run, "gatling-gc.log"), "Gatling")
