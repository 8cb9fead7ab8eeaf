#!/usr/bin/env python3
"""Prints one Markdown row per command of a hyperfine --export-json file: median and range, seconds."""
import json
import statistics
import sys

for result in json.load(open(sys.argv[1]))["results"]:
    times = result["times"]
    print(f"| {result['command']} | {statistics.median(times):.3f} | {min(times):.3f} - {max(times):.3f} |")
