#!/usr/bin/env bash
# Benchmark of `samtale post` against local webhook servers: the cost of one post, and `--all` with pacing.
#
# Every post is the day's question from deck kolding as a Mattermost payload, with SAMTALE_NOW fixed at
# 2026-11-26T08:30:00+01:00 (a Thursday, so every target is due) and a fresh SAMTALE_STATE_DIR for each part. The
# servers are a small python3 script written by this one (ThreadingHTTPServer, standard library only): each listens
# on an address it is given, answers every POST with 200 "ok" (Mattermost's success) after a set latency, and logs
# every request — path, headers, body, and its start and end on CLOCK_MONOTONIC, the clock the driver reads too.
#
#   overhead  `samtale post --url http://127.0.0.1:PORT/hooks/SECRET --platform mattermost --deck kolding --force`
#             against `curl` posting the very same body with the same Content-Type and User-Agent (body and headers
#             taken from `samtale post … --dry-run`) to the same server, which answers at once; RUNS runs each
#             (default 30), alternating, so both see the same machine load. Wall time of each process, start to
#             exit: medians, min/max, and the ratio samtale/curl. Checked: every run exits 0 and lands exactly one
#             request, the bodies from both clients are the dry run's body byte for byte, the headers agree, and
#             the ledger has one line per run.
#   --all     `samtale post --all --config FILE` over 100 targets on 10 simulated hosts, run once: 10 servers, on
#             127.0.0.2 … 127.0.0.11 (all of 127/8 is loopback on Linux) or, where those cannot be bound, on ten
#             ports of 127.0.0.1 (the output says which), each holding ONE webhook URL that 10 targets share, with a
#             simulated latency of 200 ms. Posts to one webhook are paced (at least 1 s between starts,
#             Platform.pacing) and different webhooks are posted to at once, so the floor is 9 × 1 s + 0.2 s =
#             9.2 s. Reported: the wall time, its ratio to the floor, the smallest and largest gap between
#             consecutive request starts on one webhook (below 0.95 s is a failure: pacing is broken), the most
#             requests in flight at once across hosts, and, for contrast, what strictly serial posting would cost
#             (100 × 0.2 s = 20 s, computed, not run). Checked: exit status 0, exactly 100 requests, 10 per host,
#             every one to its host's webhook path with the expected body, and 100 ledger lines.
#
# No webhook secret (the URL path) may appear in anything samtale prints: stdout and stderr of every run, the dry
# run included, are searched for it. Exits non-zero if samtale fails (exit status, stuck, wrong requests, a leaked
# secret, broken pacing); no target is set for the timings, they are figures to compare. Servers are killed at exit
# (SIGTERM, then SIGKILL), and every temporary file lives in one mktemp -d folder removed at exit.
#
# Usage: Tests/Benchmarks/post.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-30}"
[[ $# -le 1 && "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "usage: Tests/Benchmarks/post.sh [RUNS]" >&2; exit 64; }
command -v curl >/dev/null 2>&1 || { echo "post.sh: curl is needed for the comparison" >&2; exit 69; }

swift build -c release --product samtale >/dev/null
bin="$(swift build -c release --show-bin-path)"
samtale="$bin/samtale"
if [[ ! -x "$bin/samtale-http" ]]; then  # `samtale post` spawns the helper beside it
    swift build -c release --product samtale-http >/dev/null
fi
[[ -x "$bin/samtale-http" ]] || { echo "post.sh: $bin/samtale-http was not built" >&2; exit 1; }

work="$(mktemp -d)"
servers=()
cleanup() {
    local pid alive _
    for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in 1 2 3 4 5 6 7 8 9 10; do  # up to a second to go; then SIGKILL (SIGTERM may be blocked or ignored)
        alive=0
        for pid in "${servers[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [[ $alive == 1 ]] || break
        sleep 0.1
    done
    for pid in "${servers[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

cat >"$work/server.py" <<'PY'
"""Benchmark webhook: python3 server.py ADDRESS LATENCY LOG PORTFILE. Answers every POST with 200 "ok" after LATENCY
seconds; appends one JSON line per request to LOG (path, headers, body, start, end: time.monotonic()); writes its port
to PORTFILE once it listens. Serves until killed, or until post.sh is gone (should it be killed before its trap runs)."""
import json, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

address, latency, log_path, port_path = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        start = time.monotonic()  # request line and headers are in
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(latency)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
        self.wfile.flush()
        end = time.monotonic()
        line = json.dumps({"path": self.path, "headers": dict(self.headers.items()),
                           "body": body.decode("utf-8", errors="replace"), "start": start, "end": end})
        with lock, open(log_path, "a", encoding="utf-8") as log:
            log.write(line + "\n")

    def log_message(self, *arguments):
        pass


def watch(parent=os.getppid()):
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


threading.Thread(target=watch, daemon=True).start()
server = ThreadingHTTPServer((address, 0), Handler)
server.daemon_threads = True
with open(port_path + ".tmp", "w") as file:
    file.write(str(server.server_address[1]))
os.rename(port_path + ".tmp", port_path)  # whole, so that the reader never sees half a number
server.serve_forever()
PY

# Ten hosts: distinct loopback addresses where they can be bound, else ten ports on 127.0.0.1.
if python3 -c 'import socket
for i in range(2, 12):
    with socket.socket() as s: s.bind((f"127.0.0.{i}", 0))' 2>/dev/null; then
    hosts=(127.0.0.{2..11})
else
    hosts=(127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1)
fi

# Server 0: the overhead part, no latency. Servers 1 to 10: the hosts of the --all part, 0.2 s latency.
start_server() {  # NAME ADDRESS LATENCY
    python3 "$work/server.py" "$2" "$3" "$work/$1.log" "$work/$1.port" </dev/null >"$work/$1.out" 2>&1 &
    servers+=("$!")
}
start_server server0 127.0.0.1 0
for i in "${!hosts[@]}"; do start_server "server$((i + 1))" "${hosts[$i]}" 0.2; done
for i in $(seq 0 "${#hosts[@]}"); do
    for _ in $(seq 100); do [[ -s "$work/server$i.port" ]] && break; sleep 0.1; done
    [[ -s "$work/server$i.port" ]] || { echo "post.sh: benchmark server $i did not start:" >&2; cat "$work/server$i.out" >&2; exit 1; }
done

python3 - "$runs" "$samtale" "$work" "${hosts[@]}" <<'PY'
import collections, json, os, secrets, statistics, subprocess, sys, time

runs, samtale, work, hosts = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
NOW = "2026-11-26T08:30:00+01:00"  # a Thursday: every target of the --all part is due
TIMEOUT = 120.0  # seconds for one run before it is called stuck
TARGETS, LATENCY, PACING = 100, 0.2, 1.0
PACING_FLOOR = 0.95  # a gap below this between starts on one webhook means pacing is broken
SECRET = "bench-" + secrets.token_hex(12)  # in every webhook path; must never be printed
# No proxy may take the loopback requests, and no SAMTALE_* setting of the caller may change the posts.
environment = {name: value for name, value in os.environ.items()
               if not name.startswith("SAMTALE_") and "proxy" not in name.lower()}
environment["SAMTALE_NOW"] = NOW


def fail(message, result=None):
    print(f"post.sh: {message}", file=sys.stderr)
    if result is not None:
        sys.stderr.write((result.stdout + result.stderr)[-4000:])
    sys.exit(1)


def port(name):
    with open(os.path.join(work, name + ".port")) as file:
        return int(file.read())


def requests(name):
    path = os.path.join(work, name + ".log")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file]


def settled(name, count):
    """The server's requests once it has logged `count` (it logs after answering, so a moment after the client)."""
    deadline = time.monotonic() + 5
    while len(logged := requests(name)) < count and time.monotonic() < deadline:
        time.sleep(0.001)
    return logged


def run(command, label, extra_environment):
    """Runs command; returns (seconds, start, result). A run must exit 0 and print no secret."""
    start = time.monotonic()
    try:
        result = subprocess.run(command, cwd=work, env=dict(environment, **extra_environment), stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        fail(f"{label}: stopped after {TIMEOUT:.0f} s")
    seconds = time.monotonic() - start
    if result.returncode != 0:
        fail(f"{label}: exited with {result.returncode}", result)
    if command[0] == samtale and SECRET in result.stdout + result.stderr:
        fail(f"{label}: printed the webhook's secret path", result)
    return seconds, start, result


def ledger_lines(state):
    path = os.path.join(state, "posted.jsonl")
    return sum(1 for line in open(path, encoding="utf-8") if line.strip()) if os.path.exists(path) else 0


load_before = os.getloadavg()[0]

# MARK: Overhead of one post

path = f"/hooks/{SECRET}"
url = f"http://127.0.0.1:{port('server0')}{path}"
state = os.path.join(work, "state-overhead")
os.mkdir(state, 0o700)
post = [samtale, "post", "--url", url, "--platform", "mattermost", "--deck", "kolding", "--force"]
_, _, dry = run(post + ["--dry-run"], "samtale post --dry-run", {"SAMTALE_STATE_DIR": state})
# POST <scheme://host:port>/… (platform, label), the headers, a blank line, the body (one line of JSON).
head, separator, rest = dry.stdout.partition("\n\n")
lines = head.split("\n")
body = rest.rstrip("\n")
if not separator or not lines[0].startswith(f"POST http://127.0.0.1:{port('server0')}/") or "\n" in body:
    fail(f"samtale post --dry-run printed an unexpected request:\n{dry.stdout}")
headers = dict(line.split(": ", 1) for line in lines[1:])
try:
    json.loads(body)
except ValueError:
    fail(f"samtale post --dry-run printed a body that is no JSON: {body[:300]}")
if requests("server0"):
    fail("samtale post --dry-run sent a request")
body_path = os.path.join(work, "body.json")
with open(body_path, "wb") as file:
    file.write(body.encode("utf-8"))
curl = ["curl", "--silent", "--show-error", "--noproxy", "*", "--output", "/dev/null", "--write-out", "%{http_code}",
        "--data-binary", "@" + body_path] + [argument for name, value in headers.items() for argument in ("-H", f"{name}: {value}")] + [url]

commands = {"samtale post --force": (post, {"SAMTALE_STATE_DIR": state}), "curl, same body and headers": (curl, {})}
times = {name: [] for name in commands}
received = {name: [] for name in commands}
count = 0
for _ in range(runs):
    for name, (command, extra) in commands.items():  # alternating, so both see the same machine load
        seconds, _, result = run(command, name, extra)
        if command[0] == "curl" and result.stdout != "200":
            fail(f"curl got HTTP {result.stdout}", result)
        count += 1
        logged = settled("server0", count)
        if len(logged) != count:
            fail(f"{name}: the server has {len(logged)} requests after {count} runs")
        times[name].append(seconds * 1000)
        received[name].append(logged[-1])

for name, got in received.items():
    wrong = [request for request in got if request["path"] != path or request["body"] != body]
    if wrong:
        fail(f"{name}: {len(wrong)} of {len(got)} requests have another path or body than the dry run's")
    for header, value in headers.items():
        if any(request["headers"].get(header) != value for request in got):
            fail(f"{name}: a request's {header} is not {value!r}")
if ledger_lines(state) != runs:
    fail(f"the ledger has {ledger_lines(state)} lines after {runs} posts with --force")
extra_headers = {name: sorted(set(got[0]["headers"]) - set(headers) - {"Host", "Content-Length"})
                 for name, got in received.items()}

# MARK: --all over 100 targets on 10 hosts

hooks = [(f"server{index + 1}", host, port(f"server{index + 1}"), f"/hooks/{SECRET}-host{index + 1}")
         for index, host in enumerate(hosts)]
targets, hook_variables = [], {}
for index in range(TARGETS):  # target i on host i mod 10, so each webhook's ten targets are spread over the file
    _, host, host_port, hook_path = hooks[index % len(hooks)]
    targets.append({"name": f"team-{index:03}", "urlVariable": f"HOOK_{index}", "platform": "mattermost", "deck": "kolding"})
    hook_variables[f"HOOK_{index}"] = f"http://{host}:{host_port}{hook_path}"
config = os.path.join(work, "targets.json")
with open(config, "w", encoding="utf-8") as file:
    json.dump({"format": 1, "targets": targets}, file)
state = os.path.join(work, "state-all")
os.mkdir(state, 0o700)
wall, started, result = run([samtale, "post", "--all", "--config", config], "samtale post --all",
                            dict(hook_variables, SAMTALE_STATE_DIR=state))
ended = started + wall

per_host = {name: settled(name, TARGETS // len(hooks)) for name, _, _, _ in hooks}
total = sum(len(got) for got in per_host.values())
if total != TARGETS or any(len(got) != TARGETS // len(hooks) for got in per_host.values()):
    fail(f"samtale post --all: {total} requests, per host {[len(got) for got in per_host.values()]}, "
         f"expected {TARGETS}, {TARGETS // len(hooks)} per host", result)
for name, _, _, hook_path in hooks:
    if any(request["path"] != hook_path or request["body"] != body for request in per_host[name]):
        fail(f"samtale post --all: a request to {name} has a wrong path or body")
if ledger_lines(state) != TARGETS:
    fail(f"samtale post --all: the ledger has {ledger_lines(state)} lines for {TARGETS} posts", result)

gaps = []  # (seconds, the number of the later post on its webhook)
for got in per_host.values():
    starts = sorted(request["start"] for request in got)
    gaps += [(later - earlier, number) for number, (earlier, later) in enumerate(zip(starts, starts[1:]), 2)]
smallest, largest = min(gaps), max(gaps)
events = sorted([(request["start"], 1) for got in per_host.values() for request in got]
                + [(request["end"], -1) for got in per_host.values() for request in got])  # at a tie, an end first
in_flight = most_in_flight = 0
for _, change in events:
    in_flight += change
    most_in_flight = max(most_in_flight, in_flight)
everything = [request for got in per_host.values() for request in got]
first_start = min(request["start"] for request in everything)
last_end = max(request["end"] for request in everything)
floor = (TARGETS // len(hooks) - 1) * PACING + LATENCY

# MARK: Report

same_address = len(set(hosts)) == 1
print(f"samtale post (mattermost, deck kolding, SAMTALE_NOW={NOW}); load average {load_before:.2f} before, "
      f"{os.getloadavg()[0]:.2f} after")
print(f"per-post overhead: {runs} runs each, alternating, to a server on 127.0.0.1 that answers 200 \"ok\" at once; "
      f"wall time per process")
medians = {name: statistics.median(values) for name, values in times.items()}
for name, values in times.items():
    print(f"  {name:28} median {medians[name]:7.2f} ms  (min {min(values):.2f}, max {max(values):.2f})")
print(f"  ratio samtale/curl {medians['samtale post --force'] / medians['curl, same body and headers']:.2f}; "
      f"{2 * runs} requests received, {runs} from each, every body the dry run's ({len(body.encode())} bytes)")
print(f"  headers: {' and '.join(headers)} the same from both; besides Host and Content-Length, "
      + "; ".join(f"{name.split()[0].rstrip(',')} sent {', '.join(names) or 'none'}" for name, names in extra_headers.items()))
print(f"--all: {TARGETS} targets, 10 webhooks on 10 simulated hosts "
      + ("(ten ports on 127.0.0.1: 127.0.0.2 … 127.0.0.11 could not be bound)" if same_address
         else "(127.0.0.2 … 127.0.0.11, one server each)")
      + f", {TARGETS // len(hooks)} targets per webhook, 200 \"ok\" after {LATENCY * 1000:.0f} ms")
print(f"  wall time {wall:.3f} s; pacing floor 9 × {PACING:.0f} s + {LATENCY} s = {floor:.1f} s; ratio {wall / floor:.3f}")
print(f"  first request {1000 * (first_start - started):.0f} ms after the start, last answer at {last_end - started:.3f} s, "
      f"exit {1000 * (ended - last_end):.0f} ms after it")
print(f"  gap between starts on one webhook: min {smallest[0]:.3f} s (before its post {smallest[1]}), "
      f"max {largest[0]:.3f} s (before post {largest[1]}); pacing {PACING:.0f} s, below {PACING_FLOOR} s fails")
print(f"  most requests in flight at once: {most_in_flight} (of {len(hooks)} webhooks)")
print(f"  {total} requests, {TARGETS // len(hooks)} per host, exit status 0, {TARGETS} ledger lines")
print(f"  strictly serial (one request at a time): {TARGETS} × {LATENCY} s = {TARGETS * LATENCY:.1f} s (computed, not run)")
if smallest[0] < PACING_FLOOR:
    fail(f"pacing is broken: two posts to one webhook started {smallest[0]:.3f} s apart")
PY
