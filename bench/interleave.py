#!/usr/bin/env python3
"""Interleaved A/B timing of whole commands: after 2 warm-up runs of each, runs them in turn,
N rounds, so that a slow minute of a shared machine falls on every command alike; prints each
command's median wall time (with quartiles) and median CPU time (user + system of the command
and its children).

usage: bench/interleave.py N 'command A' 'command B' ...
e.g.:  bench/interleave.py 25 "KSLIM_CDS_DIR=/tmp/a A/bin/kslim depmod TREE --out /tmp/oa" \\
                              "KSLIM_CDS_DIR=/tmp/b B/bin/kslim depmod TREE --out /tmp/ob"
"""
import resource
import statistics
import subprocess
import sys
import time


def run(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    rounds, commands = int(sys.argv[1]), sys.argv[2:]
    walls = {c: [] for c in commands}
    cpus = {c: [] for c in commands}
    for command in commands:
        for _ in range(2):
            run(command)
    for _ in range(rounds):
        for command in commands:
            wall, cpu = run(command)
            walls[command].append(wall)
            cpus[command].append(cpu)
    for command in commands:
        w = sorted(walls[command])
        print("wall %.3f s median (quartiles %.3f - %.3f), cpu %.3f s median: %s" % (
            statistics.median(w), w[len(w) // 4], w[3 * len(w) // 4], statistics.median(cpus[command]), command))


if __name__ == "__main__":
    main()
