#!/usr/bin/env python3
"""Where a dotnet-trace CPU sample spent its time: reads the speedscope file that
bench/run-intake.sh writes with LINLI_BENCH_TRACE=FILE and prints the methods with the most CPU
time, inclusive (the method and what it called) and exclusive (the method's own code).

Only time on a CPU counts: dotnet-trace marks it with a CPU_TIME leaf frame; time a thread spent
waiting is left out. Usage: bench/trace-top.py FILE [how many, default 40] [filter substring]
"""
import json
import sys
from collections import defaultdict

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
only = sys.argv[3] if len(sys.argv) > 3 else None

with open(path, encoding="utf-8") as f:
    trace = json.load(f)
names = [frame["name"] for frame in trace["shared"]["frames"]]
inclusive = defaultdict(float)
exclusive = defaultdict(float)
total = 0.0
for profile in trace["profiles"]:
    stack = []
    last = None
    for event in profile.get("events", []):
        at = event["at"]
        # The interval since the last event belongs to the stack as it was.
        if last is not None and stack and names[stack[-1]] == "CPU_TIME":
            spent = at - last
            total += spent
            if len(stack) > 1:
                exclusive[names[stack[-2]]] += spent
            for frame in set(stack[:-1]):
                inclusive[names[frame]] += spent
        last = at
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack:
            stack.pop()


def show(title, table):
    print(f"\n{title} (of {total:.0f} ms on a CPU)")
    rows = [(ms, name) for name, ms in table.items() if only is None or only in name]
    for ms, name in sorted(rows, reverse=True)[:top]:
        print(f"{100 * ms / total:6.1f} %  {name[:150]}")


show("Inclusive", inclusive)
show("Exclusive", exclusive)
