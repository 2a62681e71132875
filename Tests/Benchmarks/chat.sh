#!/usr/bin/env bash
# Throughput, latency and memory benchmark of `samtale chat serve --listen` (README, "samtale chat serve").
#
# The server runs from the release build on 127.0.0.1 (port 0, read from its first line on stderr) with one Zulip
# endpoint, `flow: one-to-one`, and its sessions in a fresh folder under .build/ (on disk), so that every request
# reads a session and saves it with fsync before its reply, as in production. Requests are shaped like Zulip's
# outgoing webhook (a direct message, the token in the body), one connection per request as the platforms make
# them. A python3 driver (standard library only, asyncio) plays the platform:
#
#   load    CONNECTIONS (200) requests in flight at all times, for SECONDS (default 20): each of 200 workers holds
#           conversations of its own, one at a time, none shared, so no request waits on another's session. A
#           conversation opens with "hej" (its 1:1 conversation starts: the opening and question 1), then answers
#           and "tilbage" alternate (question 2, back to question 1, …), so every request moves a session and saves
#           it and it never ends; after MESSAGES (10) messages the worker starts its next conversation. Reported:
#           replies per second, p50, p99 and the slowest latency (connect to last byte), each set against the
#           reply deadline of every platform (ChatPlatform.replyDeadlineSeconds: Teams 5 s, Slack 3 s, Mattermost
#           30 s, Zulip 10 s, Rocket.Chat 20 s). Target: p99 within Slack's 3 s, the tightest.
#   memory  A second server, fresh folder: its memory idle, then after 10,000 conversations, each started and
#           answered once and all left open (20,000 requests, 200 in flight): VmHWM (peak) and VmRSS from
#           /proc/PID/status. The server keeps no session in memory between requests, so the target is that the
#           peak stays within a few MiB of the idle server's.
#
# Every response is checked: status 200 and the exact start of its `content` (the opening, or the question the
# conversation must be at); the server's log must have one line per request, each with its status 200, and nothing
# else; SIGTERM must end each server with exit 0; the memory run must leave 10,000 session files. Exits non-zero if
# anything fails; a missed target is reported, not an error.
#
# Usage: Tests/Benchmarks/chat.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
[[ $# -le 1 && "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 1 ]] || { echo "usage: Tests/Benchmarks/chat.sh [SECONDS]" >&2; exit 64; }

swift build -c release --product samtale >/dev/null
samtale="$(swift build -c release --show-bin-path)/samtale"

mkdir -p .build
disk="$(mktemp -d "$PWD/.build/chat-bench.XXXXXX")"
trap 'rm -rf "$disk"' EXIT

python3 - "$samtale" "$disk" "$seconds" <<'PY'
import asyncio, json, os, signal, statistics, subprocess, sys, time

samtale, disk, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
CONNECTIONS = 200
MESSAGES = 10  # messages per conversation in the load
MEMORY_CONVERSATIONS = 10_000
TOKEN = "chat-benchmark-token"
# ChatPlatform.replyDeadlineSeconds, tightest first.
DEADLINES = [("Slack", 3), ("Microsoft Teams", 5), ("Zulip", 10), ("Rocket.Chat", 20), ("Mattermost", 30)]
# Danish, as the checks of the replies and the log expect.
environment = {name: value for name, value in os.environ.items()
               if not name.startswith("SAMTALE_") and name not in ("LANG", "LC_ALL", "LC_MESSAGES")}
environment["SAMTALE_ZULIP_TOKEN"] = TOKEN
config = os.path.join(disk, "chat.json")
with open(config, "w") as file:
    json.dump({"endpoints": [{"path": "/zulip", "platform": "zulip", "secretEnv": "SAMTALE_ZULIP_TOKEN",
                              "flow": "one-to-one"}]}, file)


running = []  # the servers to kill when the benchmark fails


def fail(message):
    print(f"chat.sh: {message}", file=sys.stderr)
    for process in running:
        process.kill()
    os._exit(1)


class Server:
    """A `chat serve --listen 127.0.0.1:0` with its sessions in a folder of its own and its log in a file."""

    def __init__(self, name):
        self.state = os.path.join(disk, name)
        self.log_path = os.path.join(disk, name + ".log")
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [samtale, "chat", "serve", "--listen", "127.0.0.1:0", "--config", config],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log,
            env=dict(environment, SAMTALE_STATE_DIR=self.state))
        running.append(self.process)
        deadline = time.monotonic() + 30
        while True:
            first = open(self.log_path, "rb").readline().decode("utf-8", "replace")
            if first.endswith("\n"):
                break
            if self.process.poll() is not None or time.monotonic() > deadline:
                fail(f"the server did not start: {first!r}")
            time.sleep(0.01)
        prefix = "samtale: lytter på 127.0.0.1:"
        if not first.startswith(prefix):
            fail(f"unexpected first line: {first!r}")
        self.port = int(first[len(prefix):])

    def memory(self):
        """VmHWM and VmRSS in KiB."""
        fields = dict(line.split(":", 1) for line in open(f"/proc/{self.process.pid}/status"))
        return int(fields["VmHWM"].split()[0]), int(fields["VmRSS"].split()[0])

    def stop(self, requests):
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            fail("the server did not stop within 30 s of SIGTERM")
        self.log.close()
        if status != 0:
            fail(f"the server exited with {status}")
        lines = open(self.log_path, encoding="utf-8").read().splitlines()[1:]
        wrong = [line for line in lines if not (line.startswith("samtale: /zulip (Zulip): 200 på ")
                                                and line.endswith(" ms"))]
        if len(lines) != requests or wrong:
            fail(f"the log has {len(lines)} lines for {requests} requests; unexpected: {wrong[:3]}")


def request(conversation, message_id, text):
    body = json.dumps({
        "token": TOKEN, "data": text, "bot_full_name": "Samtale", "trigger": "direct_message",
        "message": {"id": message_id, "sender_id": conversation, "sender_full_name": "Bench",
                    "type": "private", "timestamp": int(time.time()),
                    "display_recipient": [{"id": conversation}, {"id": 1}]},
    }, ensure_ascii=False).encode()
    return (b"POST /zulip HTTP/1.1\r\nHost: samtale\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body


def expected(index):
    """The start of the reply to a conversation's message number `index`: hej, answer, back, answer, back, …"""
    if index == 0:
        return "Velkommen til jeres samtale"
    return "Spørgsmål 2 af 4\n" if index % 2 else "Spørgsmål 1 af 4\n"


def text(index):
    if index == 0:
        return "hej"
    return f"Svar nummer {index}: vi taler om kvaliteten i opgaveløsningen" if index % 2 else "tilbage"


async def exchange(port, conversation, message_id, index, latencies):
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request(conversation, message_id, text(index)))
    await writer.drain()
    response = await reader.read()
    writer.close()
    latencies.append(time.perf_counter() - start)
    head, _, body = response.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 200 OK\r\n"):
        fail(f"conversation {conversation}, message {index}: {head[:100]!r}")
    content = json.loads(body).get("content", "")
    if not content.startswith(expected(index)):
        fail(f"conversation {conversation}, message {index}: {content[:100]!r}, expected {expected(index)!r}")


async def load(port, until):
    latencies = []
    ids = iter(range(1, 1 << 62))

    async def worker(number):
        conversation = 1_000_000 + number
        while time.perf_counter() < until:
            for index in range(MESSAGES):
                if time.perf_counter() >= until:
                    return
                await exchange(port, conversation, next(ids), index, latencies)
            conversation += CONNECTIONS

    await asyncio.gather(*(worker(number) for number in range(CONNECTIONS)))
    return latencies


async def open_conversations(port, count):
    latencies = []
    queue = iter(range(count))
    ids = iter(range(1, 1 << 62))

    async def worker():
        for conversation in queue:
            for index in range(2):
                await exchange(port, 2_000_000 + conversation, next(ids), index, latencies)

    await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    return latencies


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# MARK: Load

load_before = os.getloadavg()[0]
server = Server("load")
started = time.perf_counter()
latencies = asyncio.run(load(server.port, started + seconds))
elapsed = time.perf_counter() - started
server.stop(len(latencies))
p50, p99, slowest = statistics.median(latencies), percentile(latencies, 0.99), max(latencies)
print(f"samtale chat serve --listen 127.0.0.1:0 (release), Zulip 1:1 conversations, sessions on disk with fsync; "
      f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
print(f"load: {CONNECTIONS} connections in flight for {elapsed:.1f} s: {len(latencies):,} requests, all checked; "
      f"{len(latencies) / elapsed:,.0f} replies/s; latency p50 {1000 * p50:.1f} ms, p99 {1000 * p99:.1f} ms, "
      f"slowest {1000 * slowest:.1f} ms")
for platform, deadline in DEADLINES:
    within = sum(1 for latency in latencies if latency <= deadline) / len(latencies)
    print(f"  {platform + ':':17} deadline {deadline:2} s: {100 * within:.2f} % within, p99 at "
          f"{100 * p99 / deadline:.1f} % of it ({'met' if p99 <= deadline else 'MISSED'})")

# MARK: Memory

server = Server("memory")
time.sleep(0.2)
idle_peak, idle_rss = server.memory()
latencies = asyncio.run(open_conversations(server.port, MEMORY_CONVERSATIONS))
peak, rss = server.memory()
server.stop(len(latencies))
sessions = [name for name in os.listdir(os.path.join(server.state, "sessions"))
            if name.endswith(".json") and not name.endswith(".replies.json")]
if len(sessions) != MEMORY_CONVERSATIONS:
    fail(f"{len(sessions)} session files for {MEMORY_CONVERSATIONS} conversations")
print(f"memory: idle server VmHWM {idle_peak / 1024:.1f} MiB (VmRSS {idle_rss / 1024:.1f} MiB); after "
      f"{MEMORY_CONVERSATIONS:,} conversations started and answered once, all open ({len(latencies):,} requests, "
      f"{len(sessions):,} session files): VmHWM {peak / 1024:.1f} MiB, VmRSS {rss / 1024:.1f} MiB "
      f"(+{(peak - idle_peak) / 1024:.1f} MiB peak)")
PY
