# Writes bench-data.lua for bench/intake.lua: points inside the city's grids (asked of the locate
# API) and the corpus texts. Usage: python3 bench/intake-data.py PORT WORKDIR USERNAME PASSWORD
import json, random, sys, urllib.error, urllib.request
port, work, user, password = sys.argv[1:5]
random.seed(7)
login = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/auth/token",
    json.dumps({"username": user, "password": password}).encode(), {"Content-Type": "application/json"})
import time
for attempt in range(60):  # the demo accounts are created in the background after start
    try:
        token = json.load(urllib.request.urlopen(login))["access_token"]
        break
    except urllib.error.HTTPError:
        time.sleep(1)
candidates = [[round(random.uniform(119.9, 120.5), 6), round(random.uniform(30.05, 30.45), 6)] for _ in range(50000)]
request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/locate", json.dumps(candidates).encode(), {"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
grids = json.load(urllib.request.urlopen(request))
points = [p for p, g in zip(candidates, grids) if g]
reports = []
for name in ["a", "b"]:
    for line in open(f"src/Linli/Modules/Cases/Classification/Data/reports-{name}.tsv", encoding="utf-8"):
        code, text = line.rstrip("\n").split("\t", 1)
        reports.append([code, text])
def lua(s): return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
with open(f"{work}/bench-data.lua", "w", encoding="utf-8") as f:
    f.write("return { points = {" + ",".join("{%s,%s}" % (p[0], p[1]) for p in points) + "},\n")
    f.write("reports = {" + ",".join("{%s,%s}" % (lua(c), lua(t)) for c, t in reports) + "} }\n")
print(f"{len(points)} points inside grids, {len(reports)} texts")
